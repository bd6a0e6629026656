namespace FlowViz.Storage.Rollups;

/// <summary>
/// What the rollup service last achieved, for metrics and the UI: the 1-minute watermark (every bucket before it
/// is rolled up) and when the last pass ended. Thread-safe: written by the service, read by scrapes.
/// </summary>
public sealed class RollupProgress
{
    private readonly Lock _lock = new();
    private DateTimeOffset? _watermark;
    private DateTimeOffset? _lastPass;
    private long _failedPasses;

    public DateTimeOffset? Watermark
    {
        get
        {
            lock (_lock)
            {
                return _watermark;
            }
        }
    }

    public DateTimeOffset? LastPass
    {
        get
        {
            lock (_lock)
            {
                return _lastPass;
            }
        }
    }

    public long FailedPasses => Interlocked.Read(ref _failedPasses);

    /// <summary>
    /// How far the 1-minute rollups trail <paramref name="now"/>; about the settle delay plus a minute when
    /// healthy. Null before the first pass. Queries stay exact whatever the lag: they read raw flows past it.
    /// </summary>
    public TimeSpan? Lag(DateTimeOffset now)
    {
        var watermark = Watermark;
        return watermark is null ? null : now - watermark.Value;
    }

    public void Completed(DateTimeOffset watermark, DateTimeOffset at)
    {
        lock (_lock)
        {
            _watermark = watermark;
            _lastPass = at;
        }
    }

    public void Failed() => Interlocked.Increment(ref _failedPasses);
}
