using FlowViz.Core.Queries;

namespace FlowViz.Web.Components.AsAnalysis;

/// <summary>One line of a stacked graph as a table row: its key, label and the statistics of its points.</summary>
public sealed record SeriesStatsRow(string Key, string Label, SeriesStatistics Stats)
{
    public bool IsOther => Key == TrafficSeries.OtherKey;

    public static IReadOnlyList<SeriesStatsRow> Of(SeriesResult result) =>
        result.Series.Select(s => new SeriesStatsRow(s.Key, s.Label, s.Statistics(result.StepSeconds))).ToList();
}
