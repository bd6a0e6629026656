using System.Net;
using FlowViz.Core.Filtering;
using FlowViz.Identity.Tenants;

namespace FlowViz.Identity.Scoping;

/// <summary>
/// Turns scope entries into one filter in the query language, so the same SQL compiler that serves users'
/// filters enforces the scope, and the in-memory <see cref="FilterEvaluator"/> can check it independently.
/// </summary>
public static class TenantScopeFilter
{
    /// <summary>
    /// Matches no flow: bytes are stored as a non-negative bigint, so <c>bytes &lt; 0</c> is false for every row,
    /// in SQL and in <see cref="FilterEvaluator"/> alike. The scope of a tenant without entries.
    /// </summary>
    public static FilterExpression Nothing { get; } = new NumberFilter(NumberSubject.Bytes, FilterSide.Either, FilterComparison.Less, 0);

    /// <summary>The flows any of <paramref name="entries"/> admits (an OR of them); <see cref="Nothing"/> when there are none.</summary>
    public static FilterExpression For(IEnumerable<TenantScopeEntry> entries)
    {
        FilterExpression? scope = null;
        foreach (var entry in entries)
        {
            var part = For(entry);
            scope = scope is null ? part : new OrFilter(scope, part);
        }
        return scope ?? Nothing;
    }

    public static FilterExpression For(TenantScopeEntry entry) => entry.Kind switch
    {
        TenantScopeKind.As => new NumberFilter(NumberSubject.As, entry.Side, FilterComparison.Equal, checked((uint)entry.AsNumber!.Value)),
        TenantScopeKind.Interface => new AndFilter(
            new ExporterFilter(Host(entry.Exporter!)),
            new NumberFilter(NumberSubject.Interface, entry.Side, FilterComparison.Equal, checked((uint)entry.InterfaceIndex!.Value))),
        TenantScopeKind.Prefix => new AddressFilter(entry.Side, entry.Prefix!.Value),
        _ => throw new ArgumentOutOfRangeException(nameof(entry), entry.Kind, "Unknown tenant scope kind."),
    };

    private static IPNetwork Host(IPAddress address)
    {
        // Flows store IPv4 exporters as IPv4 (FlowAddress), so a mapped address must be compared as IPv4.
        var plain = address.IsIPv4MappedToIPv6 ? address.MapToIPv4() : address;
        return new IPNetwork(plain, plain.AddressFamily == System.Net.Sockets.AddressFamily.InterNetwork ? 32 : 128);
    }
}
