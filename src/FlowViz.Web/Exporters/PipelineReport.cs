namespace FlowViz.Web.Exporters;

/// <summary>
/// What the collector did with everything it received, since FlowViz started: the same counters as
/// <c>/metrics</c>, for operators who look at a page rather than at Prometheus. Every way a flow can be lost after
/// it reached FlowViz is a field here, so "nothing lost" can be read off the page.
/// </summary>
/// <param name="DatagramsReceived">UDP datagrams read from the sockets.</param>
/// <param name="DatagramsDroppedQueueFull">Datagrams dropped because the decode queue was full (decoding fell behind).</param>
/// <param name="FlowsWritten">Flows committed to the database (directly or replayed from the spool).</param>
/// <param name="WriteFailures">Failed write attempts; their batches were kept and retried or spooled.</param>
/// <param name="FlowsSpooled">Flows put on the on-disk spool because the database did not take them.</param>
/// <param name="FlowsReplayed">Spooled flows written to the database afterwards.</param>
/// <param name="SpoolBytes">Bytes waiting in the spool now.</param>
/// <param name="FlowsLostSpoolFull">Flows dropped because the spool had reached its size bound.</param>
/// <param name="FlowsLostSpoolError">Flows dropped because the disk refused the spool write.</param>
/// <param name="SpoolFramesCorrupt">Spool frames skipped on replay because their checksum failed.</param>
/// <param name="FlowsLostSpoolCorrupt">The flows those corrupt frames held: lost.</param>
/// <param name="SpoolSegmentsUnreadable">Spool segments set aside because this version cannot read them.</param>
/// <param name="Replicas">Per replication receiver: copies sent, dropped (queue full), send errors.</param>
public sealed record PipelineReport(
    long DatagramsReceived,
    long DatagramsDroppedQueueFull,
    long FlowsWritten,
    long WriteFailures,
    long FlowsSpooled,
    long FlowsReplayed,
    long SpoolBytes,
    long FlowsLostSpoolFull,
    long FlowsLostSpoolError,
    long SpoolFramesCorrupt,
    long FlowsLostSpoolCorrupt,
    long SpoolSegmentsUnreadable,
    IReadOnlyList<ReplicaReport> Replicas)
{
    /// <summary>True when anything received was dropped or damaged on the way to the database.</summary>
    public bool HasLoss =>
        DatagramsDroppedQueueFull + FlowsLostSpoolFull + FlowsLostSpoolError + SpoolFramesCorrupt + FlowsLostSpoolCorrupt + SpoolSegmentsUnreadable > 0;
}

/// <summary>One replication receiver's counters (<c>Collector:Replicate</c>).</summary>
public sealed record ReplicaReport(string Receiver, long Sent, long DroppedQueueFull, long SendErrors);
