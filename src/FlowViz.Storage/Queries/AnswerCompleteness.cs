using FlowViz.Core.Filtering;
using FlowViz.Core.Queries;
using Microsoft.Extensions.Options;

namespace FlowViz.Storage.Queries;

/// <summary>
/// <see cref="IAnswerCompleteness"/> from the query plan: every part of the range that <see cref="TrafficQueries"/>
/// would read from the raw flows and that lies before <c>now − RawRetention</c> may have been dropped by retention
/// (partitions or chunks are dropped whole once older than that), so the answer is complete from the end of the
/// latest such part on. Rollup parts are complete by construction (the planner reads a rollup only where it is).
/// </summary>
public sealed class AnswerCompleteness(TrafficQueries queries, IOptions<FlowVizStorageOptions> options, TimeProvider time) : IAnswerCompleteness
{
    public async Task<DateTimeOffset?> CompleteFromAsync(
        TimeRange range, FlowDimension? by, FilterExpression? filter, int? stepSeconds, CancellationToken cancellationToken)
    {
        var kept = time.GetUtcNow() - options.Value.RawRetention;
        if (range.From >= kept)
        {
            return null;
        }
        DateTimeOffset? completeFrom = null;
        foreach (var segment in await queries.PlanAsync(range, by, filter, stepSeconds, cancellationToken))
        {
            if (segment.Source == TrafficSource.RawFlows && segment.Interval.From < kept)
            {
                var end = segment.Interval.To < kept ? segment.Interval.To : kept;
                completeFrom = completeFrom is { } earlier && earlier > end ? earlier : end;
            }
        }
        return completeFrom;
    }
}
