using FlowViz.Core.Queries;

namespace FlowViz.Web.Components.Pages;

/// <summary>One load of the overview: the range it was resolved to and the three answers.</summary>
public sealed record OverviewData(TimeRange Range, TrafficTotals Totals, TopResult Top, SeriesResult Series)
{
    public bool IsEmpty => Totals.Flows == 0 && Totals.Bytes == 0 && Totals.Packets == 0;
}
