using FlowViz.Core.Queries;
using FlowViz.Web.Components.Traffic;

namespace FlowViz.Web.Components.Pages;

/// <summary>One load of the overview: the range it was resolved to, the totals, the top table and a series per metric.</summary>
public sealed record OverviewData(TimeRange Range, TrafficTotals Totals, TopResult Top, IReadOnlyList<MetricSeries> Charts)
{
    public bool IsEmpty => Totals.Flows == 0 && Totals.Bytes == 0 && Totals.Packets == 0;
}

/// <summary>The stacked series of one metric (bits, packets or flows per second).</summary>
public sealed record MetricSeries(MetricChoice Metric, SeriesResult Series);
