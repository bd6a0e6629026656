using System.Diagnostics;

namespace FlowViz.Generator.Load;

/// <summary>
/// Paces a sender to a rate over a <see cref="Stopwatch"/>: the budget at time t is rate × t flows, so a late
/// batch is made up by the next ones instead of drifting (no per-send sleeps accumulating error).
/// A rate of 0 means unpaced.
/// </summary>
internal sealed class TokenBucket(long perSecond, TimeSpan duration)
{
    private readonly Stopwatch _clock = Stopwatch.StartNew();

    public TimeSpan Elapsed => _clock.Elapsed;

    public bool Expired => _clock.Elapsed >= duration;

    /// <summary>Flows that may have been sent by now (capped at the end of the run's duration).</summary>
    public long Allowed()
    {
        if (perSecond <= 0)
        {
            return long.MaxValue;
        }
        var seconds = Math.Min(_clock.Elapsed.TotalSeconds, duration.TotalSeconds);
        return (long)(perSecond * seconds);
    }

    /// <summary>Waits until at least <paramref name="wanted"/> flows are allowed or the run is over.</summary>
    public void WaitFor(long wanted)
    {
        var spinner = new SpinWait();
        while (Allowed() < wanted && !Expired)
        {
            var missing = wanted - Allowed();
            // Sleep when a whole millisecond's worth is missing (Sleep(1) takes ~1.1 ms on Linux); spin for less.
            if (missing * 1000 > perSecond * 2)
            {
                Thread.Sleep(1);
            }
            else
            {
                spinner.SpinOnce(sleep1Threshold: -1);
            }
        }
    }
}
