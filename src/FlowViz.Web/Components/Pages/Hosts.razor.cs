using FlowViz.Core.Queries;
using FlowViz.Web.Components.Hosts;

namespace FlowViz.Web.Components.Pages;

/// <summary>
/// The top talkers (issue #6): local hosts ranked by the metric (bytes for bits), with flows, packets, bytes and share as
/// <c>/api/v1/top?by=local_host</c> gives them, and each host's out / in / internal split from a series query split by
/// direction. Both through the tenant-scoped <see cref="ITrafficQueries"/>. Each host links to its own page.
/// </summary>
public partial class Hosts
{
    public const int TopLimit = 25;

    protected override string Subject => "hosts";

    private string RankUnit => Metric.RankMetric switch { TrafficMetric.Packets => "packets", TrafficMetric.Flows => "flows", _ => "bytes" };

    private string EmptyText => Filter is null
        ? "No flows yet: point an exporter at UDP port 2055 (see README), or choose a longer range."
        : "No flows match this filter in this range: widen the range or clear the filter.";

    protected override async Task<HostsData> QueryAsync(TimeRange range, CancellationToken cancellationToken)
    {
        // One after the other: two small queries. PageQueries.All would be as safe (a pooled connection per query).
        var top = await Traffic.TopAsync(new TopQuery(range, FlowDimension.LocalHost, Metric.RankMetric, TopLimit, Filter), cancellationToken);
        // Ranked by the same metric with the same limit, the split names the same hosts (rates of bytes, packets or flows).
        var split = await Traffic.SeriesAsync(
            new SeriesQuery(range, FlowDimension.LocalHost, Metric.RankMetric, SeriesStep.For(range), TopLimit, Filter, SeriesSplit.Direction),
            cancellationToken);
        return new HostsData(range, HostRow.Of(top, split), top.Other);
    }

    /// <summary>The host's page with this page's range, metric, filter and zone.</summary>
    private string HostHref(string address) => HostTraffic.Href(Navigation, address);
}
