using System.Net;
using FlowViz.Core.Filtering;

namespace FlowViz.Identity.Scoping;

/// <summary>
/// What the current viewer may see: everything (admins, operators, anonymous read when allowed), or the flows
/// matching <see cref="Restriction"/> and the exporters in <see cref="Exporters"/>.
/// </summary>
public sealed record ViewerScope
{
    private ViewerScope(FilterExpression? restriction, IReadOnlySet<IPAddress>? exporters)
    {
        Restriction = restriction;
        Exporters = exporters;
    }

    public static ViewerScope Everything { get; } = new(null, null);

    /// <summary>Sees no flow and no exporter: a signed-in user without a role or tenant, or no user at all.</summary>
    public static ViewerScope None { get; } = new(TenantScopeFilter.Nothing, new HashSet<IPAddress>());

    /// <summary>Null when the viewer sees every flow.</summary>
    public FilterExpression? Restriction { get; }

    /// <summary>The exporters the viewer may list; null when all.</summary>
    public IReadOnlySet<IPAddress>? Exporters { get; }

    public bool IsRestricted => Restriction is not null;

    public static ViewerScope Restricted(FilterExpression restriction, IEnumerable<IPAddress> exporters) =>
        new(restriction, exporters.Select(e => e.IsIPv4MappedToIPv6 ? e.MapToIPv4() : e).ToHashSet());

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
        Exporters is null || Exporters.Contains(exporter.IsIPv4MappedToIPv6 ? exporter.MapToIPv4() : exporter);
}
