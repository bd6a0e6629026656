using System.Net;
using FlowViz.Core.Filtering;
using FlowViz.Core.Flows;
using FlowViz.Identity.Scoping;
using FlowViz.Identity.Tenants;

namespace FlowViz.Identity.Tests.Isolation;

/// <summary>
/// Random flows, tenant scopes, interface classes and user filters drawn from small pools of exporters, interfaces,
/// ASes, prefixes, protocols, ports, applications, countries, directions and classes, so that scopes and filters hit,
/// miss and overlap often. Everything comes from one seeded <see cref="Random"/>: a seed reproduces a failure exactly.
/// </summary>
public sealed class IsolationWorld(int seed)
{
    public static readonly DateTimeOffset T0 = new(2026, 3, 2, 10, 0, 0, TimeSpan.Zero);

    private static readonly string[] Exporters = ["192.0.2.1", "192.0.2.2", "2001:db8::1"];
    private static readonly uint[] Interfaces = [1, 2, 3];
    private static readonly uint[] Ases = [0, 64500, 64501, 64502];
    private static readonly string[] V4Prefixes = ["10.1.0.0/16", "10.2.0.0/16", "198.51.100.0/24"];
    private static readonly string[] V6Prefixes = ["2001:db8:a::/48", "2001:db8:b::/48"];
    private static readonly byte[] Protocols = [1, 6, 17];
    private static readonly ushort[] Ports = [53, 80, 443, 1234];
    private static readonly string?[] Applications = [null, "https", "dns", "ssh"];
    private static readonly string?[] Countries = [null, "JP", "DE", "US"];
    private static readonly string?[] Connectivities = [null, "transit", "ix", "pni"];
    private static readonly string?[] Providers = [null, "ntt", "cogent"];
    private static readonly string?[] Boundaries = [null, "external", "internal"];

    private readonly Random _random = new(seed);

    public FlowRecord[] Flows(int count) => [.. Enumerable.Range(0, count).Select(_ => Flow())];

    /// <summary>The interface classes (some interfaces unclassified, some classes partial), the same in every database.</summary>
    public Dictionary<(IPAddress Exporter, uint IfIndex), Core.Interfaces.InterfaceClass> Classes()
    {
        var classes = new Dictionary<(IPAddress, uint), Core.Interfaces.InterfaceClass>();
        foreach (var exporter in Exporters)
        {
            foreach (var ifIndex in Interfaces)
            {
                if (_random.Next(4) > 0)
                {
                    classes[(IPAddress.Parse(exporter), ifIndex)] = new(Pick(Connectivities), Pick(Providers), Pick(Boundaries));
                }
            }
        }
        return classes;
    }

    /// <summary>Every exporter interface of the pools, as the catalog would know them.</summary>
    public static IEnumerable<(IPAddress Exporter, uint IfIndex)> AllInterfaces() =>
        Exporters.SelectMany(e => Interfaces.Select(i => (IPAddress.Parse(e), i)));

    public List<TenantScopeEntry> Scope()
    {
        var entries = new List<TenantScopeEntry>();
        for (var i = _random.Next(0, 4); i > 0; i--)
        {
            entries.Add(_random.Next(3) switch
            {
                0 => TenantScopeEntry.ForAs(Pick(Ases), Side()),
                1 => TenantScopeEntry.ForInterface(IPAddress.Parse(Pick(Exporters)), Pick(Interfaces), Side()),
                _ => TenantScopeEntry.ForPrefix(IPNetwork.Parse(Pick(_random.Next(2) == 0 ? V4Prefixes : V6Prefixes)), Side()),
            });
        }
        return entries;
    }

    /// <summary>An AS of the pools (for the AS endpoints' own filters).</summary>
    public uint SomeAs() => Pick(Ases);

    /// <summary>An exporter interface of the pools.</summary>
    public (IPAddress Exporter, uint IfIndex) SomeInterface() => (IPAddress.Parse(Pick(Exporters)), Pick(Interfaces));

    /// <summary>A connectivity class, sometimes one no interface has.</summary>
    public string SomeConnectivity() => Pick(Connectivities) ?? "core";

    /// <summary>A user's filter: random trees over the pools, plus shapes meant to escape a scope.</summary>
    public FilterExpression? Filter() => _random.Next(8) switch
    {
        0 => null,
        1 => new NotFilter(Tree(2)),                                   // not (...)
        2 => new OrFilter(Tree(1), new NumberFilter(NumberSubject.As, FilterSide.Either, FilterComparison.Equal, Pick(Ases))), // … or as X
        3 => new OrFilter(Tree(2), new NotFilter(Tree(2))),             // usually a tautology
        4 => new OrFilter(Tree(1), TenantScopeFilter.For(Scope())), // … or another tenant's scope
        5 => new NotFilter(new AndFilter(Tree(1), new NotFilter(Tree(1)))),  // (x and not y) negated, parenthesised
        _ => Tree(3),
    };

    private FilterExpression Tree(int depth)
    {
        if (depth == 0 || _random.Next(3) == 0)
        {
            return Predicate();
        }
        return _random.Next(3) switch
        {
            0 => new AndFilter(Tree(depth - 1), Tree(depth - 1)),
            1 => new OrFilter(Tree(depth - 1), Tree(depth - 1)),
            _ => new NotFilter(Tree(depth - 1)),
        };
    }

    private FilterExpression Predicate() => _random.Next(12) switch
    {
        7 => new LabelFilter(LabelSubject.Application, FilterSide.Either, Pick(Applications) ?? "none"),
        8 => new LabelFilter(LabelSubject.Country, Side(), Pick(Countries) ?? "FR"),
        9 => new LabelFilter(LabelSubject.Connectivity, FilterSide.Either, Pick(Connectivities) ?? "core"),
        10 => new LabelFilter(LabelSubject.Provider, FilterSide.Either, Pick(Providers) ?? "level3"),
        11 => new LabelFilter(LabelSubject.Boundary, FilterSide.Either, Pick(Boundaries) ?? "external"),
        0 => new AddressFilter(Side(), IPNetwork.Parse(Pick(_random.Next(2) == 0 ? V4Prefixes : V6Prefixes))),
        1 => new NumberFilter(NumberSubject.As, Side(), FilterComparison.Equal, Pick(Ases)),
        2 => new NumberFilter(NumberSubject.Interface, Side(), Pick([FilterComparison.Equal, FilterComparison.Greater]), Pick(Interfaces)),
        3 => new ExporterFilter(FilterValues.HostNetwork(IPAddress.Parse(Pick(Exporters)))),
        4 => new ProtocolFilter(Pick(Protocols)),
        5 => new NumberFilter(NumberSubject.Port, Side(), FilterComparison.Equal, Pick(Ports)),
        _ => new NumberFilter(NumberSubject.Bytes, FilterSide.Either, FilterComparison.Greater, (ulong)_random.Next(0, 3000)),
    };

    private FlowRecord Flow()
    {
        var v6 = _random.Next(4) == 0;
        var received = T0.UtcDateTime.AddSeconds(_random.Next(0, 30 * 60)).AddMilliseconds(_random.Next(1000));
        return new FlowRecord
        {
            TimeReceived = received,
            TimeStart = received.AddSeconds(-2),
            TimeEnd = received,
            Exporter = FlowAddress.Parse(Pick(Exporters)),
            FlowProtocol = FlowProtocol.NetFlowV9,
            SrcAddr = Address(v6),
            DstAddr = Address(v6),
            SrcPort = Pick(Ports),
            DstPort = Pick(Ports),
            Protocol = Pick(Protocols),
            InputInterface = Pick(Interfaces),
            OutputInterface = Pick(Interfaces),
            SrcAs = Pick(Ases),
            DstAs = Pick(Ases),
            Bytes = (ulong)_random.Next(40, 5000),
            Packets = (ulong)_random.Next(1, 10),
            SamplingRate = Pick<uint>([1, 1, 10]),
            Application = Pick(Applications),
            SrcCountry = Country(),
            DstCountry = Country(),
            TrafficDirection = (TrafficDirection)_random.Next(5),
        };
    }

    // Mostly inside the pools' prefixes, sometimes outside every one of them.
    private FlowAddress Address(bool v6)
    {
        if (v6)
        {
            var prefix = Pick(["2001:db8:a::", "2001:db8:b::", "2001:db8:c::"]);
            return FlowAddress.Parse(prefix + _random.Next(1, 6).ToString("x", System.Globalization.CultureInfo.InvariantCulture));
        }
        var net = Pick(["10.1.0.", "10.2.0.", "198.51.100.", "203.0.113."]);
        return FlowAddress.Parse(net + _random.Next(1, 6).ToString(System.Globalization.CultureInfo.InvariantCulture));
    }

    private ushort Country() => Pick(Countries) is { } code ? CountryCodes.Pack(code) : (ushort)0;

    private FilterSide Side() => Pick([FilterSide.Either, FilterSide.Src, FilterSide.Dst]);

    private T Pick<T>(T[] values) => values[_random.Next(values.Length)];
}
