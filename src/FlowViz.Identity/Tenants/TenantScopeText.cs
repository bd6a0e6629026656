using System.Globalization;
using FlowViz.Core.Filtering;

namespace FlowViz.Identity.Tenants;

/// <summary>
/// A scope as people write it, for the CLI and the admin page: entries separated by commas or new lines,
/// each <c>[src|dst] as N</c>, <c>[in|out] if EXPORTER INDEX</c> or <c>[src|dst] net CIDR</c> (no side: either end).
/// Example: <c>as 64500, in if 192.0.2.1 3, src net 198.51.100.0/24</c>.
/// </summary>
public static class TenantScopeText
{
    public static IReadOnlyList<TenantScopeEntry> Parse(string text)
    {
        var entries = new List<TenantScopeEntry>();
        foreach (var item in text.Split([',', '\n', ';'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            entries.Add(ParseEntry(item));
        }
        return entries;
    }

    public static string Format(IEnumerable<TenantScopeEntry> entries)
    {
        var text = string.Join(", ", entries.Select(Format));
        return text.Length == 0 ? "(nothing)" : text;
    }

    public static string Format(TenantScopeEntry entry) => entry.Kind switch
    {
        TenantScopeKind.As => $"{Side(entry.Side, "src ", "dst ")}as {entry.AsNumber}",
        TenantScopeKind.Interface => $"{Side(entry.Side, "in ", "out ")}if {entry.Exporter} {entry.InterfaceIndex}",
        _ => $"{Side(entry.Side, "src ", "dst ")}net {entry.Prefix}",
    };

    private static string Side(FilterSide side, string src, string dst) => side switch
    {
        FilterSide.Src => src,
        FilterSide.Dst => dst,
        _ => "",
    };

    private static TenantScopeEntry ParseEntry(string item)
    {
        var words = item.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        var side = FilterSide.Either;
        var at = 0;
        if (words[0] is "src" or "in")
        {
            side = FilterSide.Src;
            at = 1;
        }
        else if (words[0] is "dst" or "out")
        {
            side = FilterSide.Dst;
            at = 1;
        }
        var rest = words[at..];
        switch (rest)
        {
            case ["as", var number] when words[0] is not ("in" or "out"):
                return uint.TryParse(number, NumberStyles.None, CultureInfo.InvariantCulture, out var asn)
                    ? TenantScopeEntry.ForAs(asn, side)
                    : throw Bad(item, $"'{number}' is not an AS number (0–4294967295)");
            case ["if", var exporter, var index] when words[0] is not ("src" or "dst"):
                if (!FilterValues.TryParseAddress(exporter, out var address))
                {
                    throw Bad(item, $"'{exporter}' is not an exporter address");
                }
                return uint.TryParse(index, NumberStyles.None, CultureInfo.InvariantCulture, out var ifIndex)
                    ? TenantScopeEntry.ForInterface(address, ifIndex, side)
                    : throw Bad(item, $"'{index}' is not an interface index (0–4294967295)");
            case ["net", var cidr] when words[0] is not ("in" or "out"):
                // The filter language's own rule, so a scope prefix means what `net` means in a filter.
                return FilterValues.TryParseNetwork(cidr, out var network, out var reason)
                    ? TenantScopeEntry.ForPrefix(network, side)
                    : throw Bad(item, $"'{cidr}' is not a network such as 198.51.100.0/24{(reason is null ? "" : $": {reason}")}");
            default:
                throw Bad(item, "expected '[src|dst] as N', '[in|out] if EXPORTER INDEX' or '[src|dst] net CIDR'");
        }
    }

    private static AccountException Bad(string item, string why) => new($"Scope entry '{item}': {why}.");
}
