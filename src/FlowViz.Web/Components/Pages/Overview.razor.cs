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
        // All at once (PageQueries): the page is answered in the time of its slowest query, not of all five.
        var totals = Traffic.SummaryAsync(new SummaryQuery(range, filter), ct);
        var top = Traffic.TopAsync(new TopQuery(range, FlowDimension.Protocol, metric.RankMetric, TopLimit, filter), ct);
        var charts = PageQueries.All(MetricChoice.All, async chart => new MetricSeries(chart,
            await Traffic.SeriesAsync(new SeriesQuery(range, FlowDimension.Protocol, chart.SeriesMetric, step, TopLimit, filter), ct)));
        await Task.WhenAll(totals, top, charts);
        return new OverviewData(range, await totals, await top, await charts);
    }
}
