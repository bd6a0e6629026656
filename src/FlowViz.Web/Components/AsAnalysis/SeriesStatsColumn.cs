namespace FlowViz.Web.Components.AsAnalysis;

/// <summary>The columns a <see cref="SeriesStatsTable"/> can be sorted by.</summary>
public enum SeriesStatsColumn
{
    Label,
    Avg,
    Max,
    Percentile95,
    Total,
}
