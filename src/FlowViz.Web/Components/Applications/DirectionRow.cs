using FlowViz.Core.Queries;

namespace FlowViz.Web.Components.Applications;

/// <summary>
/// One key of a series answer split by direction (<see cref="SeriesSplit.Direction"/>): what it moved out, in, and
/// otherwise (internal, transit, undecided) over the range, each the series' rates × step summed (bits for bit/s,
/// else packets or flows).
/// </summary>
public sealed record DirectionRow(string Key, string Label, double Out, double In, double Other)
{
    public bool IsOther => Key == TrafficSeries.OtherKey;

    public double Total => Out + In + Other;

    /// <summary>One row per key, in the answer's order (ranked, "Other" last).</summary>
    public static IReadOnlyList<DirectionRow> Of(SeriesResult result) =>
        result.Series
            .GroupBy(series => series.Key)
            .Select(key => new DirectionRow(key.Key, key.First().Label,
                TotalOf(key, "out", result.StepSeconds), TotalOf(key, "in", result.StepSeconds), TotalOf(key, "other", result.StepSeconds)))
            .ToList();

    private static double TotalOf(IEnumerable<TrafficSeries> series, string direction, int stepSeconds) =>
        series.Where(s => s.Direction == direction).Sum(s => s.Statistics(stepSeconds).Total);
}
