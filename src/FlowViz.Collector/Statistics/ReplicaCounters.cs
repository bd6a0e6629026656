namespace FlowViz.Collector.Statistics;

/// <summary>
/// What happened to the copies for one replication receiver. Each copy ends in exactly one of the three, so
/// sent + dropped + errors equals the datagrams received while the receiver was configured.
/// </summary>
public sealed class ReplicaCounters(string receiver)
{
    private long _sent;
    private long _droppedQueueFull;
    private long _sendErrors;

    public string Receiver { get; } = receiver;

    /// <summary>Handed to the kernel. UDP cannot tell whether the receiver got it.</summary>
    public long Sent => Interlocked.Read(ref _sent);

    /// <summary>Dropped before sending because this receiver's queue was full (its sender was behind).</summary>
    public long DroppedQueueFull => Interlocked.Read(ref _droppedQueueFull);

    /// <summary>Refused by the kernel, mostly ConnectionRefused: an earlier copy met an ICMP port unreachable.</summary>
    public long SendErrors => Interlocked.Read(ref _sendErrors);

    public ReplicaSnapshot Snapshot() => new(Receiver, Sent, DroppedQueueFull, SendErrors);

    internal void CopySent() => Interlocked.Increment(ref _sent);

    internal void CopyDroppedQueueFull() => Interlocked.Increment(ref _droppedQueueFull);

    internal void CopySendFailed() => Interlocked.Increment(ref _sendErrors);
}
