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
    private readonly ConcurrentDictionary<string, ReplicaCounters> _replicas = new(StringComparer.Ordinal);
    private long _datagramsReceived;
    private long _datagramsDroppedQueueFull;
    private long _flowsWritten;
    private long _batchesWritten;
    private long _writeFailures;
    private long _batchesSpooled;
    private long _flowsSpooled;
    private long _batchesReplayed;
    private long _flowsReplayed;
    private long _spoolBytes;
    private long _batchesDroppedSpoolFull;
    private long _flowsDroppedSpoolFull;
    private long _batchesDroppedSpoolError;
    private long _flowsDroppedSpoolError;
    private long _spoolFramesCorrupt;
    private long _spoolFlowsCorrupt;
    private long _spoolSegmentsUnreadable;

    public long DatagramsReceived => Interlocked.Read(ref _datagramsReceived);

    /// <summary>Datagrams dropped because the decoders were behind (the queue to them was full).</summary>
    public long DatagramsDroppedQueueFull => Interlocked.Read(ref _datagramsDroppedQueueFull);

    public long FlowsWritten => Interlocked.Read(ref _flowsWritten);

    public long BatchesWritten => Interlocked.Read(ref _batchesWritten);

    /// <summary>Failed database writes (first tries and spool replays); the batch is spooled or kept, so a failure alone loses nothing.</summary>
    public long WriteFailures => Interlocked.Read(ref _writeFailures);

    /// <summary>Batches (and their flows) written to the spool because the database failed or others were spooled before them.</summary>
    public long BatchesSpooled => Interlocked.Read(ref _batchesSpooled);

    public long FlowsSpooled => Interlocked.Read(ref _flowsSpooled);

    /// <summary>Spooled batches (and flows) since committed to the database; also counted in <see cref="FlowsWritten"/>.</summary>
    public long BatchesReplayed => Interlocked.Read(ref _batchesReplayed);

    public long FlowsReplayed => Interlocked.Read(ref _flowsReplayed);

    /// <summary>Bytes of spool segments on disk now.</summary>
    public long SpoolBytes => Interlocked.Read(ref _spoolBytes);

    /// <summary>Batches (flows) dropped because the spool reached its size bound ("spool_full").</summary>
    public long BatchesDroppedSpoolFull => Interlocked.Read(ref _batchesDroppedSpoolFull);

    public long FlowsDroppedSpoolFull => Interlocked.Read(ref _flowsDroppedSpoolFull);

    /// <summary>Batches (flows) dropped because the disk refused the spool write ("spool_error").</summary>
    public long BatchesDroppedSpoolError => Interlocked.Read(ref _batchesDroppedSpoolError);

    public long FlowsDroppedSpoolError => Interlocked.Read(ref _flowsDroppedSpoolError);

    /// <summary>Spool frames whose CRC failed on replay; their flows are lost (disk damage).</summary>
    public long SpoolFramesCorrupt => Interlocked.Read(ref _spoolFramesCorrupt);

    /// <summary>The flows those corrupt frames held (from each frame's length): lost, counted in flows like every other loss.</summary>
    public long SpoolFlowsCorrupt => Interlocked.Read(ref _spoolFlowsCorrupt);

    /// <summary>Spool segments with a header this version cannot read, set aside as *.unreadable.</summary>
    public long SpoolSegmentsUnreadable => Interlocked.Read(ref _spoolSegmentsUnreadable);

    public ExporterCounters For(FlowAddress exporter) =>
        _exporters.GetOrAdd(exporter, static address => new ExporterCounters(address));

    public IReadOnlyList<ExporterSnapshot> SnapshotExporters() =>
        [.. _exporters.Values.Select(counters => counters.Snapshot()).OrderBy(s => s.Exporter.ToString(), StringComparer.Ordinal)];

    /// <summary>The counters of each replication receiver (Collector:Replicate), by its configured name.</summary>
    public IReadOnlyList<ReplicaSnapshot> SnapshotReplicas() =>
        [.. _replicas.Values.Select(counters => counters.Snapshot()).OrderBy(s => s.Receiver, StringComparer.Ordinal)];

    internal ReplicaCounters Replica(string receiver) =>
        _replicas.GetOrAdd(receiver, static name => new ReplicaCounters(name));

    internal void DatagramReceived() => Interlocked.Increment(ref _datagramsReceived);

    internal void DatagramDroppedQueueFull() => Interlocked.Increment(ref _datagramsDroppedQueueFull);

    internal void BatchWritten(int flows)
    {
        Interlocked.Add(ref _flowsWritten, flows);
        Interlocked.Increment(ref _batchesWritten);
    }

    internal void WriteFailed() => Interlocked.Increment(ref _writeFailures);

    internal void Spooled(int flows, long spoolBytes)
    {
        Interlocked.Increment(ref _batchesSpooled);
        Interlocked.Add(ref _flowsSpooled, flows);
        Interlocked.Exchange(ref _spoolBytes, spoolBytes);
    }

    internal void Replayed(int flows)
    {
        Interlocked.Increment(ref _batchesReplayed);
        Interlocked.Add(ref _flowsReplayed, flows);
    }

    internal void SpoolBytesNow(long bytes) => Interlocked.Exchange(ref _spoolBytes, bytes);

    internal void DroppedSpoolFull(int flows)
    {
        Interlocked.Increment(ref _batchesDroppedSpoolFull);
        Interlocked.Add(ref _flowsDroppedSpoolFull, flows);
    }

    internal void DroppedSpoolError(int flows)
    {
        Interlocked.Increment(ref _batchesDroppedSpoolError);
        Interlocked.Add(ref _flowsDroppedSpoolError, flows);
    }

    internal void SpoolFrameCorrupt(int flows)
    {
        Interlocked.Increment(ref _spoolFramesCorrupt);
        Interlocked.Add(ref _spoolFlowsCorrupt, flows);
    }

    internal void SpoolSegmentUnreadable() => Interlocked.Increment(ref _spoolSegmentsUnreadable);

    private long _counterSamplesWritten;
    private long _counterSamplesDropped;

    /// <summary>sFlow interface counter samples stored.</summary>
    public long CounterSamplesStored => Interlocked.Read(ref _counterSamplesWritten);

    /// <summary>sFlow interface counter samples dropped because too many waited for the database.</summary>
    public long CounterSamplesLost => Interlocked.Read(ref _counterSamplesDropped);

    internal void CounterSamplesWritten(int count) => Interlocked.Add(ref _counterSamplesWritten, count);

    internal void CounterSamplesDropped() => Interlocked.Increment(ref _counterSamplesDropped);
}
