using FlowViz.Core.Queries;
using FlowViz.Web.Components.AsAnalysis;

namespace FlowViz.Web.Components.Pages;

/// <summary>
/// One load of an origin AS's page: its traffic by input interface (series and their statistics) and its top
/// addresses and countries, each a (title, top-N) pair in display order.
/// </summary>
public sealed record OriginAsData(
    TimeRange Range, SeriesResult Series, IReadOnlyList<SeriesStatsRow> Rows, IReadOnlyList<(string Title, string KeyHeader, TopResult Top)> Tops);
