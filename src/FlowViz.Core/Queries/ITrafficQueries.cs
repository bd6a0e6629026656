namespace FlowViz.Core.Queries;

/// <summary>
/// The one query service behind the UI and the HTTP API: every number FlowViz shows comes from here.
/// </summary>
public interface ITrafficQueries
{
    Task<TrafficTotals> SummaryAsync(TimeRange range, CancellationToken cancellationToken);

    Task<TopResult> TopAsync(TopQuery query, CancellationToken cancellationToken);

    Task<SeriesResult> SeriesAsync(SeriesQuery query, CancellationToken cancellationToken);
}
