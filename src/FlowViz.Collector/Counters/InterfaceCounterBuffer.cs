using System.Collections.Concurrent;
using FlowViz.Collector.Statistics;
using FlowViz.Core.Counters;

namespace FlowViz.Collector.Counters;

/// <summary>
/// Holds sFlow counter samples between the decoders and storage. Samples are few, so a queue and a flush
/// every few seconds suffice; a batch that fails stays pending and is retried at the next flush. Bounded:
/// beyond <see cref="Capacity"/> new samples are dropped and counted rather than growing memory while the
/// database is away for long.
/// </summary>
public sealed class InterfaceCounterBuffer(CollectorStatistics? statistics = null)
{
    public const int Capacity = 100_000;

    private readonly ConcurrentQueue<InterfaceCounterRecord> _queue = new();
    private List<InterfaceCounterRecord> _pending = [];
    private long _dropped;
    private long _written;

    /// <summary>Samples dropped because the buffer was full.</summary>
    public long Dropped => Interlocked.Read(ref _dropped);

    /// <summary>Samples stored.</summary>
    public long Written => Interlocked.Read(ref _written);

    public void Add(in InterfaceCounterRecord counters)
    {
        if (_queue.Count + _pending.Count >= Capacity)
        {
            Interlocked.Increment(ref _dropped);
            statistics?.CounterSamplesDropped();
            return;
        }
        _queue.Enqueue(counters);
    }

    /// <summary>Writes what is pending; one caller at a time. Throws what the writer throws, keeping the samples.</summary>
    public async Task FlushAsync(IInterfaceCounterWriter writer, CancellationToken cancellationToken)
    {
        while (_queue.TryDequeue(out var counters))
        {
            _pending.Add(counters);
        }
        if (_pending.Count == 0)
        {
            return;
        }
        await writer.WriteAsync(_pending, cancellationToken);
        Interlocked.Add(ref _written, _pending.Count);
        statistics?.CounterSamplesWritten(_pending.Count);
        _pending = [];
    }
}
