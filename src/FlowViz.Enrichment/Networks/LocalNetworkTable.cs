using System.Net;
using FlowViz.Core.Filtering;
using FlowViz.Core.Flows;

namespace FlowViz.Enrichment.Networks;

/// <summary>
/// Longest-prefix match over the local networks without allocation: the networks are flattened at start-up into
/// sorted, disjoint address ranges, each labelled with the most specific network covering it, so a lookup is one
/// binary search over 128-bit numbers.
/// </summary>
public sealed class LocalNetworkTable
{
    private readonly UInt128[] _firsts;
    private readonly UInt128[] _lasts;
    private readonly LocalNetwork[] _owners;

    private LocalNetworkTable(UInt128[] firsts, UInt128[] lasts, LocalNetwork[] owners, IReadOnlyList<LocalNetwork> networks)
    {
        _firsts = firsts;
        _lasts = lasts;
        _owners = owners;
        Networks = networks;
    }

    /// <summary>
    /// What counts as local when nothing is configured: RFC 1918, CGNAT (RFC 6598), IPv4 link-local (RFC 3927),
    /// the IPv4 documentation nets (RFC 5737), IPv6 unique-local (RFC 4193), link-local (RFC 4291) and documentation
    /// (RFC 3849). Addresses nobody routes on the Internet, so they are ours wherever they appear.
    /// </summary>
    public static IReadOnlyList<NetworkOptions> DefaultNetworks { get; } =
    [
        new() { Name = "private-10", Prefix = "10.0.0.0/8" },
        new() { Name = "private-172", Prefix = "172.16.0.0/12" },
        new() { Name = "private-192", Prefix = "192.168.0.0/16" },
        new() { Name = "cgnat", Prefix = "100.64.0.0/10" },
        new() { Name = "link-local", Prefix = "169.254.0.0/16" },
        new() { Name = "test-net-1", Prefix = "192.0.2.0/24" },
        new() { Name = "test-net-2", Prefix = "198.51.100.0/24" },
        new() { Name = "test-net-3", Prefix = "203.0.113.0/24" },
        new() { Name = "unique-local", Prefix = "fc00::/7" },
        new() { Name = "link-local-v6", Prefix = "fe80::/10" },
        new() { Name = "documentation-v6", Prefix = "2001:db8::/32" },
    ];

    /// <summary>The networks as configured (or the defaults).</summary>
    public IReadOnlyList<LocalNetwork> Networks { get; }

    /// <summary>Parses the configured networks (the defaults when none), adding one message per bad entry to <paramref name="errors"/>.</summary>
    public static LocalNetworkTable Build(IReadOnlyList<NetworkOptions> configured, List<string> errors)
    {
        var source = configured.Count > 0 ? configured : DefaultNetworks;
        var networks = new List<LocalNetwork>(source.Count);
        for (var i = 0; i < source.Count; i++)
        {
            if (Parse(source[i], i, errors) is { } network)
            {
                networks.Add(network);
            }
        }
        return Flatten(networks);
    }

    /// <summary>The most specific local network holding <paramref name="address"/>, or null.</summary>
    public LocalNetwork? Find(in FlowAddress address)
    {
        var index = IndexOf(AddressKey.Of(address));
        return index < 0 ? null : _owners[index];
    }

    public bool IsLocal(in FlowAddress address) => IndexOf(AddressKey.Of(address)) >= 0;

    private int IndexOf(UInt128 key)
    {
        // The last range starting at or before the key; it holds the key when the key is not past its end.
        int low = 0, high = _firsts.Length - 1, found = -1;
        while (low <= high)
        {
            var middle = (low + high) >>> 1;
            if (_firsts[middle] <= key)
            {
                found = middle;
                low = middle + 1;
            }
            else
            {
                high = middle - 1;
            }
        }
        return found >= 0 && key <= _lasts[found] ? found : -1;
    }

    private static LocalNetwork? Parse(NetworkOptions options, int index, List<string> errors)
    {
        var where = $"{EnrichmentOptions.SectionName}:Networks:{index} ({(string.IsNullOrWhiteSpace(options.Name) ? "no name" : $"\"{options.Name}\"")})";
        var mistakes = Check(options);
        errors.AddRange(mistakes.Select(m => $"{where}: {m.Message}"));
        return mistakes.Count == 0 && FilterValues.TryParseNetwork(options.Prefix.Trim(), out var prefix, out _)
            ? new LocalNetwork(options.Name.Trim(), prefix)
            : null;
    }

    /// <summary>Every mistake in one network by the field it is in (<c>name</c>, <c>prefix</c>), without a location prefix.</summary>
    public static List<(string Field, string Message)> Check(NetworkOptions options)
    {
        var mistakes = new List<(string, string)>();
        if (string.IsNullOrWhiteSpace(options.Name))
        {
            mistakes.Add(("name", "Name is required."));
        }
        if (!FilterValues.TryParseNetwork(options.Prefix?.Trim() ?? "", out _, out var reason))
        {
            mistakes.Add(("prefix", $"Prefix \"{options.Prefix}\" is not a network in CIDR form (like 192.0.2.0/24 or 2001:db8::/32){(reason is null ? "" : $": {reason}")}."));
        }
        return mistakes;
    }

    /// <summary>
    /// Cuts the address space at every network's first address and after its last, labels each piece with the
    /// longest prefix covering it, and joins neighbours with the same label. Quadratic, but only at start-up and
    /// over a configuration-sized list.
    /// </summary>
    private static LocalNetworkTable Flatten(List<LocalNetwork> networks)
    {
        var ranges = networks.Select(n => (Network: n, Range: AddressKey.RangeOf(n.Prefix), Length: MappedLength(n.Prefix))).ToList();
        var cuts = new SortedSet<UInt128>();
        foreach (var (_, range, _) in ranges)
        {
            cuts.Add(range.First);
            if (range.Last != UInt128.MaxValue)
            {
                cuts.Add(range.Last + 1);
            }
        }
        var firsts = new List<UInt128>();
        var lasts = new List<UInt128>();
        var owners = new List<LocalNetwork>();
        var points = cuts.ToArray();
        for (var i = 0; i < points.Length; i++)
        {
            var first = points[i];
            var last = i + 1 < points.Length ? points[i + 1] - 1 : UInt128.MaxValue;
            var owner = MostSpecific(ranges, first);
            if (owner is null)
            {
                continue;
            }
            if (owners.Count > 0 && ReferenceEquals(owners[^1], owner) && lasts[^1] + 1 == first)
            {
                lasts[^1] = last;
                continue;
            }
            firsts.Add(first);
            lasts.Add(last);
            owners.Add(owner);
        }
        return new LocalNetworkTable([.. firsts], [.. lasts], [.. owners], networks);
    }

    private static LocalNetwork? MostSpecific(List<(LocalNetwork Network, (UInt128 First, UInt128 Last) Range, int Length)> ranges, UInt128 address)
    {
        LocalNetwork? owner = null;
        var longest = -1;
        foreach (var (network, range, length) in ranges)
        {
            if (range.First <= address && address <= range.Last && length > longest)
            {
                owner = network;
                longest = length;
            }
        }
        return owner;
    }

    private static int MappedLength(IPNetwork prefix) =>
        prefix.PrefixLength + (prefix.BaseAddress.AddressFamily == System.Net.Sockets.AddressFamily.InterNetwork ? 96 : 0);
}
