namespace FlowViz.Web.Components.Time;

/// <summary>
/// The bucket width for a chart of a range: the smallest step giving at most <see cref="MaxPoints"/> points,
/// so 1h and 6h get 60 s, 24h 300 s, 7d 1800 s and 30d 7200 s.
/// </summary>
public static class SeriesResolution
{
    public const int MaxPoints = 400;

    private static readonly int[] Steps = [60, 300, 900, 1800, 3600, 7200, 21600, 86400];

    public static int StepSecondsFor(TimeSpan span)
    {
        foreach (var step in Steps)
        {
            if (span.TotalSeconds / step <= MaxPoints)
            {
                return step;
            }
        }
        return (int)Math.Ceiling(span.TotalSeconds / MaxPoints / 86400) * 86400;
    }
}
