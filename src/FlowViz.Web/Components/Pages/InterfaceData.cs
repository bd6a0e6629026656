using FlowViz.Core.Queries;
using FlowViz.Web.Components.AsAnalysis;

namespace FlowViz.Web.Components.Pages;

/// <summary>
/// One load of an interface's page: what is known of the interface; its rates from sFlow counters as a chart's series
/// (null when it sends none); and the ASes whose traffic entered by it (by source AS) and left by it (by destination
/// AS), each as stacked series and their statistics. Serializable with <see cref="Prerendering.PageDataJson"/>, so the
/// prerender's load is carried into the interactive render.
/// </summary>
public sealed record InterfaceData(
    TimeRange Range,
    InterfaceFacts Facts,
    SeriesResult? Counters,
    SeriesResult Inbound,
    IReadOnlyList<SeriesStatsRow> InboundRows,
    SeriesResult Outbound,
    IReadOnlyList<SeriesStatsRow> OutboundRows)
{
    public bool IsEmpty => InboundRows.All(r => r.Stats.Total == 0) && OutboundRows.All(r => r.Stats.Total == 0);
}
