using FlowViz.Core.Queries;
using FlowViz.Web.Components.AsAnalysis;

namespace FlowViz.Web.Components.Pages;

/// <summary>
/// One load of an interface's page: the ASes whose traffic entered by it (by source AS) and left by it (by
/// destination AS), each as stacked series and their statistics.
/// </summary>
public sealed record InterfaceData(
    TimeRange Range, SeriesResult Inbound, IReadOnlyList<SeriesStatsRow> InboundRows, SeriesResult Outbound, IReadOnlyList<SeriesStatsRow> OutboundRows)
{
    public bool IsEmpty => InboundRows.All(r => r.Stats.Total == 0) && OutboundRows.All(r => r.Stats.Total == 0);
}
