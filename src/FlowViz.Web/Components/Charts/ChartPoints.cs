using FlowViz.Core.Queries;

namespace FlowViz.Web.Components.Charts;

/// <summary>
/// How many points a chart draws. apexcharts' first draw costs about 40 ms per 1,000 points on top of a fixed ~200 ms
/// (tests/benchmarks/README.md, first-paint traces), and a many-series chart at the 6 h default range carries 360
/// one-minute points per series (Applications and Host: 20+ series, 8,000 points) on a chart about 1,300 px wide. Above
/// <see cref="MaxPerSeries"/> points, adjacent buckets are merged into aligned buckets of a whole multiple of the step
/// (2 min for 6 h): each drawn rate is the exact average of the rates it replaces, i.e. the rate over the longer bucket,
/// so nothing is sampled away and the areas keep their totals; the chart's axis title says the averaging. Legends,
/// tables and statistics are computed from the query's own buckets, not from these.
/// </summary>
public static class ChartPoints
{
    public const int MaxPerSeries = 300;

    /// <summary>The step a series of <paramref name="points"/> buckets of <paramref name="stepSeconds"/> is drawn at.</summary>
    public static int DrawnStep(int stepSeconds, int points) =>
        points <= MaxPerSeries || stepSeconds <= 0 ? stepSeconds : stepSeconds * (int)Math.Ceiling(points / (double)MaxPerSeries);

    /// <summary>
    /// The points averaged into buckets of <paramref name="drawnStep"/> seconds aligned to multiples of it (so a live
    /// refresh, whose range moves by a minute, keeps the same buckets); a partial bucket at either end averages the
    /// buckets it has. Each point is [Unix milliseconds of the bucket's start, rate].
    /// </summary>
    public static List<double[]> Averaged(IReadOnlyList<SeriesPoint> points, int drawnStep, double sign)
    {
        var drawn = new List<double[]>(points.Count);
        var i = 0;
        while (i < points.Count)
        {
            var bucket = Math.Floor(points[i].UnixSeconds / (double)drawnStep) * drawnStep;
            var (sum, count) = (0.0, 0);
            for (; i < points.Count && points[i].UnixSeconds < bucket + drawnStep; i++)
            {
                sum += points[i].Rate;
                count++;
            }
            drawn.Add([bucket * 1000.0, sign * sum / count]);
        }
        return drawn;
    }
}
