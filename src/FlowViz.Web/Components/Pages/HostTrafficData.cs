using FlowViz.Core.Queries;
using FlowViz.Web.Components.Applications;
using FlowViz.Web.Components.AsAnalysis;

namespace FlowViz.Web.Components.Pages;

/// <summary>
/// One load of a host's page: its totals; its applications split by direction (series and legend rows); its traffic by
/// origin AS and by destination country over time (series and their statistics); its top peers and countries, each a
/// (title, key header, top-N) in display order, null when the load left them out (the prerender does).
/// </summary>
public sealed record HostTrafficData(
    TimeRange Range,
    TrafficTotals Totals,
    SeriesResult Applications,
    IReadOnlyList<DirectionRow> ApplicationRows,
    IReadOnlyList<HostTrafficChart> Charts,
    IReadOnlyList<(string Title, string KeyHeader, TopResult Top)>? Tops)
{
    public bool IsEmpty => Totals.Flows == 0 && Totals.Packets == 0 && Totals.Bytes == 0;
}

/// <summary>A stacked chart of the host's traffic by one dimension, with its rows for the statistics table.</summary>
public sealed record HostTrafficChart(string Id, string Title, string KeyHeader, SeriesResult Series, IReadOnlyList<SeriesStatsRow> Rows);
