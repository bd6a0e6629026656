namespace FlowViz.Core.Queries;

/// <summary>
/// Chooses a graph's bucket width from its range: the smallest step that gives at most
/// <see cref="TargetPoints"/> points, from steps that the 1 min, 5 min and 1 h rollups can answer
/// (1h and 6h get 60 s, 24h 300 s, 7d 1800 s, 30d 7200 s). The UI and the API both use it.
/// </summary>
public static class SeriesStep
{
    public const int TargetPoints = 400;

    /// <summary>More buckets than this in one answer is refused: it is more than any screen can draw.</summary>
    public const int MaxPoints = 10_000;

    private static readonly int[] Steps = [60, 300, 900, 1800, 3600, 7200, 21600, 86400];

    public static int For(TimeRange range) => For(range.Duration);

    public static int For(TimeSpan span)
    {
        foreach (var step in Steps)
        {
            if (span.TotalSeconds / step <= TargetPoints)
            {
                return step;
            }
        }
        return (int)Math.Ceiling(span.TotalSeconds / TargetPoints / 86400) * 86400;
    }

    public static long BucketCount(TimeRange range, int stepSeconds) =>
        (long)Math.Ceiling(range.Duration.TotalSeconds / stepSeconds);
}
