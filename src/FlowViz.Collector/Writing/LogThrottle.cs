namespace FlowViz.Collector.Writing;

/// <summary>
/// Lets one log message through per interval and counts the ones held back, so a lasting problem is logged
/// at a limited rate (the counters still see every event).
/// </summary>
internal sealed class LogThrottle(TimeProvider time, TimeSpan interval)
{
    private readonly Lock _lock = new();
    private long _lastTimestamp;
    private bool _entered;
    private long _suppressed;

    /// <summary>True when a message may be logged now; <paramref name="suppressed"/> is how many were held back since the last.</summary>
    public bool TryEnter(out long suppressed)
    {
        lock (_lock)
        {
            if (_entered && time.GetElapsedTime(_lastTimestamp) < interval)
            {
                _suppressed++;
                suppressed = 0;
                return false;
            }
            _entered = true;
            _lastTimestamp = time.GetTimestamp();
            suppressed = _suppressed;
            _suppressed = 0;
            return true;
        }
    }
}
