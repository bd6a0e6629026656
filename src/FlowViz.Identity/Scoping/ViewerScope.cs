using System.Net;
using FlowViz.Core.Filtering;

namespace FlowViz.Identity.Scoping;

/// <summary>
/// What the current viewer may see: everything (admins, operators, anonymous read when allowed), or the flows
/// matching <see cref="Restriction"/> and the exporters in <see cref="Exporters"/>.
/// </summary>
public sealed record ViewerScope
{
    private ViewerScope(FilterExpression? restriction, IReadOnlySet<IPAddress>? exporters, IReadOnlySet<(IPAddress Exporter, long IfIndex)>? interfaces)
    {
        Restriction = restriction;
        Exporters = exporters;
        Interfaces = interfaces;
    }

    public static ViewerScope Everything { get; } = new(null, null, null);

    /// <summary>Sees no flow and no exporter: a signed-in user without a role or tenant, or no user at all.</summary>
    public static ViewerScope None { get; } = new(TenantScopeFilter.Nothing, new HashSet<IPAddress>(), new HashSet<(IPAddress, long)>());

    /// <summary>Null when the viewer sees every flow.</summary>
    public FilterExpression? Restriction { get; }

    /// <summary>The exporters the viewer may list; null when all.</summary>
    public IReadOnlySet<IPAddress>? Exporters { get; }

    /// <summary>The interfaces (exporter, ifIndex) the viewer may list: those its scope names; null when all.</summary>
    public IReadOnlySet<(IPAddress Exporter, long IfIndex)>? Interfaces { get; }

    public bool IsRestricted => Restriction is not null;

    public static ViewerScope Restricted(
        FilterExpression restriction, IEnumerable<IPAddress> exporters, IEnumerable<(IPAddress Exporter, long IfIndex)>? interfaces = null) =>
        new(restriction,
            exporters.Select(Plain).ToHashSet(),
            (interfaces ?? []).Select(i => (Plain(i.Exporter), i.IfIndex)).ToHashSet());

    /// <summary>
    /// The filter to run for a viewer who asked for <paramref name="requested"/>: the scope AND the request, the
    /// scope outermost, so no <c>or</c>, <c>not</c> or parenthesis in the request can reach past it.
    /// </summary>
    public FilterExpression? Narrow(FilterExpression? requested) => (Restriction, requested) switch
    {
        (null, _) => requested,
        (var scope, null) => scope,
        var (scope, request) => new AndFilter(scope, request),
    };

    public bool MaySeeExporter(IPAddress exporter) =>
        Exporters is null || Exporters.Contains(Plain(exporter));

    public bool MaySeeInterface(IPAddress exporter, long ifIndex) =>
        Interfaces is null || Interfaces.Contains((Plain(exporter), ifIndex));

    // Flows and the interface tables store IPv4 exporters as IPv4; a mapped address names the same exporter.
    private static IPAddress Plain(IPAddress address) => address.IsIPv4MappedToIPv6 ? address.MapToIPv4() : address;
}
