namespace FlowViz.Collector.Statistics;

/// <summary>The counters of one replication receiver at one moment; see <see cref="ReplicaCounters"/>.</summary>
public sealed record ReplicaSnapshot(string Receiver, long Sent, long DroppedQueueFull, long SendErrors);
