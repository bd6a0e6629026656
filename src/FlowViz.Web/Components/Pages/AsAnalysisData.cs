using FlowViz.Core.Queries;
using FlowViz.Web.Components.AsAnalysis;

namespace FlowViz.Web.Components.Pages;

/// <summary>One load of the AS analysis page: the resolved range, the stacked series by origin AS and their statistics.</summary>
public sealed record AsAnalysisData(TimeRange Range, SeriesResult Series, IReadOnlyList<SeriesStatsRow> Rows);
