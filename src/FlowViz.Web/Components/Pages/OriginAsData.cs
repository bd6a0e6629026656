using FlowViz.Core.Queries;
using FlowViz.Web.Components.AsAnalysis;

namespace FlowViz.Web.Components.Pages;

/// <summary>
/// One load of an origin AS's page: its traffic by input interface (inbound: source AS = asn) and by output interface
/// (outbound: destination AS = asn), series and statistics each; the catalogue's labels of those interfaces; and its
/// <see cref="OriginAsDetails"/>, null when the load left them out (the prerender does). Serializable with
/// <see cref="Prerendering.PageDataJson"/>, so the prerender's load is carried into the interactive render.
/// </summary>
public sealed record OriginAsData(
    TimeRange Range,
    SeriesResult Series,
    IReadOnlyList<SeriesStatsRow> Rows,
    SeriesResult Outbound,
    IReadOnlyList<SeriesStatsRow> OutboundRows,
    IReadOnlyDictionary<string, AsInterfaceLabel> Interfaces,
    OriginAsDetails? Details)
{
    public bool IsEmpty => Rows.All(r => r.Stats.Total == 0) && OutboundRows.All(r => r.Stats.Total == 0);
}

/// <summary>
/// What an origin AS's page reads from the raw flows: its top addresses and countries in both directions, in display
/// order, and its prefixes in and out. No rollup holds addresses, so their cost grows with the flows in the range.
/// </summary>
public sealed record OriginAsDetails(IReadOnlyList<OriginAsTop> Tops, AsPrefixTable Prefixes);
