namespace FlowViz.Core.Queries;

/// <summary>
/// Chooses a graph's bucket width from its range, NfSen/RRD style: about <see cref="TargetPoints"/> points,
/// rounded up to a step people read easily (and that rollups of 1 min, 5 min and 1 h can answer).
/// </summary>
public static class SeriesStep
{
    public const int TargetPoints = 300;

    /// <summary>More buckets than this in one answer is refused: it is more than any screen can draw.</summary>
    public const int MaxPoints = 10_000;

    private static readonly int[] NiceSteps = [10, 30, 60, 120, 300, 600, 900, 1800, 3600, 7200, 10800, 21600, 43200, 86400];

    public static int For(TimeRange range)
    {
        var ideal = range.Duration.TotalSeconds / TargetPoints;
        foreach (var step in NiceSteps)
        {
            if (step >= ideal)
            {
                return step;
            }
        }
        return NiceSteps[^1];
    }

    public static long BucketCount(TimeRange range, int stepSeconds) =>
        (long)Math.Ceiling(range.Duration.TotalSeconds / stepSeconds);
}
