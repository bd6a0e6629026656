namespace FlowViz.Collector.Statistics;

/// <summary>
/// Follows one exporter stream's sequence numbers (one protocol, one observation domain) and counts what
/// went missing. Arithmetic is modulo 2^32, so a counter wrapping around is not a loss; a backwards step
/// within <see cref="MaxReorder"/> is a late (reordered) datagram that was counted lost and is taken back; a
/// backwards step larger than <see cref="MaxReorder"/>, or a forward jump beyond <see cref="MaxGap"/>, is an
/// exporter restart, which starts counting afresh.
/// </summary>
public sealed class SequenceTracker
{
    /// <summary>Gaps larger than this (2^24) are restarts, not loss: no exporter loses 16 million units between two datagrams.</summary>
    public const uint MaxGap = 1u << 24;

    /// <summary>How far back a late datagram may be (2^16 units: a few dozen datagrams of any protocol).</summary>
    public const uint MaxReorder = 1u << 16;

    private bool _started;
    private uint _expected;

    /// <summary>Units the datagrams that arrived accounted for.</summary>
    public long Received { get; private set; }

    /// <summary>Units the sequence numbers say were sent but never arrived.</summary>
    public long Lost { get; private set; }

    /// <summary>Datagrams that arrived after a later one.</summary>
    public long Reordered { get; private set; }

    /// <summary>Times the sequence jumped too far to be loss (exporter restarts).</summary>
    public long Resets { get; private set; }

    /// <summary>Received plus lost: what the exporter says it sent since tracking began (or the last restart).</summary>
    public long Expected => Received + Lost;

    public double LossRatio => Expected == 0 ? 0 : (double)Lost / Expected;

    public void Observe(uint number, uint increment)
    {
        if (increment == Protocols.ExportSequence.UnknownIncrement)
        {
            _started = false; // what this datagram carried is unknown: resynchronise on the next one
            return;
        }
        if (!_started)
        {
            _started = true;
        }
        else
        {
            var distance = unchecked((int)(number - _expected));
            // Exporters restart counting at 0 (softflowd, IOS, pmacct): that is a restart even right after the start.
            if (distance < 0 && (uint)-distance <= MaxReorder && number != 0)
            {
                // Late: its units were counted lost when a later datagram arrived first.
                Reordered++;
                Lost -= Math.Min(Lost, increment);
                Received += increment;
                return;
            }
            if (distance > 0 && (uint)distance <= MaxGap)
            {
                Lost += distance;
            }
            else if (distance != 0)
            {
                Resets++;
            }
        }
        Received += increment;
        _expected = unchecked(number + increment);
    }
}
