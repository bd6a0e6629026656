using FlowViz.Core.Filtering;

namespace FlowViz.Core.Queries;

/// <summary>
/// The one query service behind the UI and the HTTP API: every number FlowViz shows comes from here.
/// A query's filter may use a field the data cannot answer; that throws <see cref="FilterNotSupportedException"/>.
/// </summary>
public interface ITrafficQueries
{
    Task<TrafficTotals> SummaryAsync(TimeRange range, CancellationToken cancellationToken);

    /// <summary>
    /// Totals of the flows matching the query's filter. The default serves unfiltered queries through
    /// <see cref="SummaryAsync(TimeRange, CancellationToken)"/>, so implementations written before filters keep compiling.
    /// </summary>
    Task<TrafficTotals> SummaryAsync(SummaryQuery query, CancellationToken cancellationToken) =>
        query.Filter is null
            ? SummaryAsync(query.Range, cancellationToken)
            : throw new FilterNotSupportedException($"this query service cannot filter ('{query.Filter}')");

    Task<TopResult> TopAsync(TopQuery query, CancellationToken cancellationToken);

    Task<SeriesResult> SeriesAsync(SeriesQuery query, CancellationToken cancellationToken);
}
