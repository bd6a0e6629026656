using FlowViz.Core.Interfaces;
using FlowViz.Core.Queries;
using FlowViz.Web.Components.AsAnalysis;

namespace FlowViz.Web.Components.Pages;

/// <summary>
/// One load of an origin AS's page: its traffic by input interface (inbound: source AS = asn) and by output interface
/// (outbound: destination AS = asn), series and statistics each; the known interfaces by key for their names and
/// classes; its top addresses and countries, each a (title, top-N) pair in display order; and its prefixes in and out.
/// </summary>
public sealed record OriginAsData(
    TimeRange Range,
    SeriesResult Series,
    IReadOnlyList<SeriesStatsRow> Rows,
    SeriesResult Outbound,
    IReadOnlyList<SeriesStatsRow> OutboundRows,
    IReadOnlyDictionary<string, ClassifiedInterface> Interfaces,
    IReadOnlyList<(string Title, string KeyHeader, TopResult Top)> Tops,
    AsPrefixTable Prefixes)
{
    public bool IsEmpty => Rows.All(r => r.Stats.Total == 0) && OutboundRows.All(r => r.Stats.Total == 0);
}
