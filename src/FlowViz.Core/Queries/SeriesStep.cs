namespace FlowViz.Core.Queries;

/// <summary>
/// Chooses a graph's bucket width from its range: the coarsest step that still gives at least <see cref="MinPoints"/>
/// points, from steps that the 1 min, 5 min, 1 h and 1 d rollups can answer (1h and 6h get 60 s, 24h 300 s, 7d 3600 s,
/// 30d 7200 s, a year 86400 s); ranges shorter than <see cref="MinPoints"/> minutes get 60 s, and ranges so long that
/// days give more than <see cref="TargetPoints"/> points get whole multiples of a day. The UI and the API both use it.
/// Why the coarsest rather than the finest under a cap: a step is only as cheap as the table that answers it, and
/// 7 days at the old 1,800 s (336 points) had to read the 5-minute rollups — 12× the rows of the hourly ones — for a
/// chart no wider than a screen; 168 hourly points for a week is what NfSen and Akvorado users see.
/// </summary>
public static class SeriesStep
{
    /// <summary>A chart gets at least this many points when a 1-minute step allows it.</summary>
    public const int MinPoints = 150;

    /// <summary>Beyond daily steps, the step grows in whole days to keep at most this many points.</summary>
    public const int TargetPoints = 400;

    /// <summary>More buckets than this in one answer is refused: it is more than any screen can draw.</summary>
    public const int MaxPoints = 10_000;

    private const int Day = 86400;

    // Finest first; each divides the ones after it, so every step adds whole buckets of the coarsest rollup it can use.
    private static readonly int[] Steps = [60, 300, 900, 1800, 3600, 7200, 21600, Day];

    public static int For(TimeRange range) => For(range.Duration);

    public static int For(TimeSpan span)
    {
        if (span.TotalSeconds / Day > TargetPoints)
        {
            return (int)Math.Ceiling(span.TotalSeconds / TargetPoints / Day) * Day;
        }
        for (var i = Steps.Length - 1; i >= 0; i--)
        {
            if (span.TotalSeconds / Steps[i] >= MinPoints)
            {
                return Steps[i];
            }
        }
        return Steps[0];
    }

    public static long BucketCount(TimeRange range, int stepSeconds) =>
        (long)Math.Ceiling(range.Duration.TotalSeconds / stepSeconds);
}
