using FlowViz.Core.Filtering;
using FlowViz.Core.Flows;
using FlowViz.Core.Queries;

namespace FlowViz.Identity.Scoping;

/// <summary>
/// <see cref="IFlowRecordQueries"/> as the current viewer may see it: the raw flow list and its CSV stream run
/// with the viewer's scope ANDed around the requested filter (<see cref="ViewerScope.Narrow"/>), the same way
/// <see cref="ScopedTrafficQueries"/> scopes aggregates. ScopedFlowRecordQueriesTests fails for any interface
/// method this class does not implement itself.
/// </summary>
public sealed class ScopedFlowRecordQueries(IFlowRecordQueries inner, IViewerScopeSource viewer) : IFlowRecordQueries
{
    public async Task<FlowPage> PageAsync(FlowListQuery query, CancellationToken cancellationToken) =>
        await inner.PageAsync(query with { Filter = await NarrowAsync(query.Filter, cancellationToken) }, cancellationToken);

    public async IAsyncEnumerable<FlowRecord> StreamAsync(
        FlowListQuery query, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var scoped = query with { Filter = await NarrowAsync(query.Filter, cancellationToken) };
        await foreach (var flow in inner.StreamAsync(scoped, cancellationToken))
        {
            yield return flow;
        }
    }

    private async Task<FilterExpression?> NarrowAsync(FilterExpression? requested, CancellationToken cancellationToken) =>
        (await viewer.GetAsync(cancellationToken)).Narrow(requested);
}
