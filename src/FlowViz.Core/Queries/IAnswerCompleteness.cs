using FlowViz.Core.Filtering;

namespace FlowViz.Core.Queries;

/// <summary>
/// From when an answer of <see cref="ITrafficQueries"/> holds every flow. Raw flows are kept for a limited time
/// (15 days by default) and rollups for longer, but a query that no rollup can answer exactly — one filtered, or
/// scoped to a tenant, by address prefix, for instance — reads only raw flows, so for an older range it is complete
/// only from the raw retention's edge on. Pages and the API show that instant instead of a silently short answer.
/// </summary>
public interface IAnswerCompleteness
{
    /// <summary>
    /// The instant from which the answer to a query over <paramref name="range"/>, grouped by <paramref name="by"/>
    /// (null: totals) with <paramref name="filter"/> (and <paramref name="stepSeconds"/> for a series), counts every
    /// flow; null when it is complete over the whole range.
    /// </summary>
    Task<DateTimeOffset?> CompleteFromAsync(
        TimeRange range, FlowDimension? by, FilterExpression? filter, int? stepSeconds, CancellationToken cancellationToken);
}
