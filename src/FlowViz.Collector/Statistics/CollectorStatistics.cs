using System.Collections.Concurrent;
using FlowViz.Core.Flows;

namespace FlowViz.Collector.Statistics;

/// <summary>
/// Every counter of the collector: per exporter, and every place a datagram or flow can be dropped.
/// Nothing is lost silently: a drop increments one of these.
/// </summary>
public sealed class CollectorStatistics
{
    private readonly ConcurrentDictionary<FlowAddress, ExporterCounters> _exporters = new();
    private long _datagramsReceived;
    private long _datagramsDroppedQueueFull;
    private long _flowsWritten;
    private long _batchesWritten;
    private long _writeFailures;
    private long _flowsLostOnShutdown;

    public long DatagramsReceived => Interlocked.Read(ref _datagramsReceived);

    /// <summary>Datagrams dropped because the decoders were behind (the queue to them was full).</summary>
    public long DatagramsDroppedQueueFull => Interlocked.Read(ref _datagramsDroppedQueueFull);

    public long FlowsWritten => Interlocked.Read(ref _flowsWritten);

    public long BatchesWritten => Interlocked.Read(ref _batchesWritten);

    /// <summary>Failed write attempts; the batch is kept and retried, so a failure alone loses nothing.</summary>
    public long WriteFailures => Interlocked.Read(ref _writeFailures);

    /// <summary>Flows still unwritten when shutdown could wait no longer for the database.</summary>
    public long FlowsLostOnShutdown => Interlocked.Read(ref _flowsLostOnShutdown);

    public ExporterCounters For(FlowAddress exporter) =>
        _exporters.GetOrAdd(exporter, static address => new ExporterCounters(address));

    public IReadOnlyList<ExporterSnapshot> SnapshotExporters() =>
        [.. _exporters.Values.Select(counters => counters.Snapshot()).OrderBy(s => s.Exporter.ToString(), StringComparer.Ordinal)];

    internal void DatagramReceived() => Interlocked.Increment(ref _datagramsReceived);

    internal void DatagramDroppedQueueFull() => Interlocked.Increment(ref _datagramsDroppedQueueFull);

    internal void BatchWritten(int flows)
    {
        Interlocked.Add(ref _flowsWritten, flows);
        Interlocked.Increment(ref _batchesWritten);
    }

    internal void WriteFailed() => Interlocked.Increment(ref _writeFailures);

    internal void LostOnShutdown(int flows) => Interlocked.Add(ref _flowsLostOnShutdown, flows);
}
