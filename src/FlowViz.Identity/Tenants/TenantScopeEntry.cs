using System.Net;
using FlowViz.Core.Filtering;

namespace FlowViz.Identity.Tenants;

/// <summary>
/// One part of a tenant's scope: an AS (<see cref="AsNumber"/>), an interface (<see cref="Exporter"/> and
/// <see cref="InterfaceIndex"/>) or a prefix (<see cref="Prefix"/>). <see cref="Side"/> says which end of the
/// flow must match: source/destination for ASes and prefixes, input/output for interfaces, or either.
/// The table's CHECK constraints (0007_identity.sql) keep exactly the columns of the kind filled.
/// </summary>
public sealed class TenantScopeEntry
{
    public long Id { get; set; }

    public long TenantId { get; set; }

    public TenantScopeKind Kind { get; set; }

    public FilterSide Side { get; set; }

    public long? AsNumber { get; set; }

    public IPAddress? Exporter { get; set; }

    public long? InterfaceIndex { get; set; }

    public IPNetwork? Prefix { get; set; }

    public static TenantScopeEntry ForAs(uint asNumber, FilterSide side = FilterSide.Either) =>
        new() { Kind = TenantScopeKind.As, Side = side, AsNumber = asNumber };

    public static TenantScopeEntry ForInterface(IPAddress exporter, uint interfaceIndex, FilterSide side = FilterSide.Either) =>
        new() { Kind = TenantScopeKind.Interface, Side = side, Exporter = exporter, InterfaceIndex = interfaceIndex };

    public static TenantScopeEntry ForPrefix(IPNetwork prefix, FilterSide side = FilterSide.Either) =>
        new() { Kind = TenantScopeKind.Prefix, Side = side, Prefix = prefix };
}
