using FlowViz.Core.Filtering;
using FlowViz.Core.Queries;

namespace FlowViz.Identity.Scoping;

/// <summary>
/// <see cref="IAnswerCompleteness"/> for the current viewer: asks about the filter its queries really run with (the
/// scope ANDed around the request, as <see cref="ScopedTrafficQueries"/> does). A prefix scope keeps every query of
/// the tenant on the raw flows, so for a range older than the raw retention the tenant is told from when its answer
/// is complete, while the same query unscoped may be answered in full from the rollups.
/// </summary>
public sealed class ScopedAnswerCompleteness(IAnswerCompleteness inner, IViewerScopeSource viewer) : IAnswerCompleteness
{
    public async Task<DateTimeOffset?> CompleteFromAsync(
        TimeRange range, FlowDimension? by, FilterExpression? filter, int? stepSeconds, CancellationToken cancellationToken) =>
        await inner.CompleteFromAsync(range, by, (await viewer.GetAsync(cancellationToken)).Narrow(filter), stepSeconds, cancellationToken);
}
