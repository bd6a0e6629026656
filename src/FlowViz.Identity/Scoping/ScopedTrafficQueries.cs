using FlowViz.Core.Queries;

namespace FlowViz.Identity.Scoping;

/// <summary>
/// <see cref="ITrafficQueries"/> as the current viewer may see it: every query runs with the viewer's scope
/// ANDed around its filter (<see cref="ViewerScope.Narrow"/>), so totals, top-N with its "other" row and
/// series all count only in-scope flows. To add a query method: implement it here with the same one line,
/// <c>inner.XAsync(query with { Filter = await NarrowAsync(query.Filter, ct) }, ct)</c>;
/// ScopedTrafficQueriesTests fails for any interface method this class does not implement itself.
/// </summary>
public sealed class ScopedTrafficQueries(ITrafficQueries inner, IViewerScopeSource viewer) : ITrafficQueries
{
    public Task<TrafficTotals> SummaryAsync(TimeRange range, CancellationToken cancellationToken) =>
        SummaryAsync(new SummaryQuery(range), cancellationToken);

    public async Task<TrafficTotals> SummaryAsync(SummaryQuery query, CancellationToken cancellationToken) =>
        await inner.SummaryAsync(query with { Filter = await NarrowAsync(query.Filter, cancellationToken) }, cancellationToken);

    public async Task<TopResult> TopAsync(TopQuery query, CancellationToken cancellationToken) =>
        await inner.TopAsync(query with { Filter = await NarrowAsync(query.Filter, cancellationToken) }, cancellationToken);

    public async Task<SeriesResult> SeriesAsync(SeriesQuery query, CancellationToken cancellationToken) =>
        await inner.SeriesAsync(query with { Filter = await NarrowAsync(query.Filter, cancellationToken) }, cancellationToken);

    private async Task<Core.Filtering.FilterExpression?> NarrowAsync(Core.Filtering.FilterExpression? requested, CancellationToken cancellationToken) =>
        (await viewer.GetAsync(cancellationToken)).Narrow(requested);
}
