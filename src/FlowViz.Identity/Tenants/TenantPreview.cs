using FlowViz.Core.Queries;
using FlowViz.Identity.Scoping;

namespace FlowViz.Identity.Tenants;

/// <summary>
/// The tenant page's preview: runs the same <see cref="ScopedTrafficQueries"/> a tenant viewer's page runs, with
/// a candidate scope that is not saved yet, so the admin sees exactly what the tenant would see before saving.
/// <paramref name="unscoped"/> is the storage's query service (the host passes it; the preview adds the scope).
/// </summary>
public sealed class TenantPreview(ITrafficQueries unscoped)
{
    public const int TopLimit = 10;

    public async Task<TenantPreviewResult> RunAsync(IReadOnlyCollection<TenantScopeEntry> scope, TimeRange range, CancellationToken cancellationToken)
    {
        var asTenant = new ScopedTrafficQueries(unscoped, new FixedViewerScope(ViewerScopes.ForEntries(scope)));
        // One after the other: the query service may sit on one connection per scope.
        var totals = await asTenant.SummaryAsync(new SummaryQuery(range), cancellationToken);
        var origin = await asTenant.TopAsync(Top(range, FlowDimension.OriginAs), cancellationToken);
        var source = await asTenant.TopAsync(Top(range, FlowDimension.SrcAs), cancellationToken);
        var interfaces = await asTenant.TopAsync(Top(range, FlowDimension.InputInterface), cancellationToken);
        return new TenantPreviewResult(range, totals, origin, source, interfaces);
    }

    private static TopQuery Top(TimeRange range, FlowDimension by) => new(range, by, TrafficMetric.Bytes, TopLimit);
}
