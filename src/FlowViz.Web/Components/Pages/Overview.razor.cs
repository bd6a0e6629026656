using FlowViz.Core.Filtering;
using FlowViz.Core.Queries;
using FlowViz.Web.Components.Time;
using FlowViz.Web.Components.Traffic;
using Microsoft.AspNetCore.Components;

namespace FlowViz.Web.Components.Pages;

/// <summary>
/// NfSen's front page: totals, bits/s, packets/s and flows/s stacked by protocol, and the top protocols, for
/// a range and an optional filter. All state is in the URL (range or from/to, metric, filter, tz), so links
/// are shareable and Back works; relative ranges refresh every <see cref="LiveGraphPage{TData}.RefreshInterval"/>
/// (the load and refresh loop is <see cref="LiveGraphPage{TData}"/>'s), sending the charts only what changed.
/// </summary>
public partial class Overview
{
    private const int TopLimit = 10;

    protected override string Subject => "traffic";

    private string EmptyText => Filter is null
        ? "No flows yet: point an exporter at UDP port 2055 (see README), or choose a longer range."
        : "No flows match this filter in this range: widen the range or clear the filter.";

    protected override async Task<OverviewData> QueryAsync(TimeRange range, CancellationToken ct)
    {
        var (metric, filter) = (Metric, Filter);
        var step = SeriesStep.For(range.Duration);
        // One after the other: the query service may sit on one database connection per scope.
        var totals = await Traffic.SummaryAsync(new SummaryQuery(range, filter), ct);
        var top = await Traffic.TopAsync(new TopQuery(range, FlowDimension.Protocol, metric.RankMetric, TopLimit, filter), ct);
        var charts = new List<MetricSeries>(MetricChoice.All.Count);
        foreach (var chart in MetricChoice.All)
        {
            var series = await Traffic.SeriesAsync(
                new SeriesQuery(range, FlowDimension.Protocol, chart.SeriesMetric, step, TopLimit, filter), ct);
            charts.Add(new MetricSeries(chart, series));
        }
        return new OverviewData(range, totals, top, charts);
    }
}
