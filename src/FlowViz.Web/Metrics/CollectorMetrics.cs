using System.Globalization;
using FlowViz.Collector.Statistics;
using Prometheus;

namespace FlowViz.Web.Metrics;

/// <summary>
/// Publishes the collector's counters at <c>/metrics</c> for Prometheus. The counters themselves live in
/// <see cref="CollectorStatistics"/> (lock-free longs on the hot path); they are copied into the
/// Prometheus registry only when it is scraped.
/// </summary>
internal sealed class CollectorMetrics
{
    private readonly CollectorStatistics _statistics;
    private readonly Counter _datagramsReceived;
    private readonly Counter _datagramsDropped;
    private readonly Counter _flowsWritten;
    private readonly Counter _writeFailures;
    private readonly Counter _flowsLost;
    private readonly Counter _flowsSpooled;
    private readonly Counter _counterSamples;
    private readonly Counter _flowsReplayed;
    private readonly Gauge _spoolBytes;
    private readonly Counter _spoolFramesCorrupt;
    private readonly Counter _spoolSegmentsUnreadable;
    private readonly Gauge _sequenceLost;
    private readonly Counter _exporterDatagrams;
    private readonly Counter _exporterFlows;
    private readonly Gauge _exporterLastSeen;
    private readonly Counter _replicationDatagrams;

    public CollectorMetrics(CollectorStatistics statistics, CollectorRegistry registry)
    {
        _statistics = statistics;
        var metrics = Prometheus.Metrics.WithCustomRegistry(registry);
        _datagramsReceived = metrics.CreateCounter("flowviz_collector_datagrams_received_total", "UDP datagrams received by the collector's listeners.");
        _datagramsDropped = metrics.CreateCounter("flowviz_collector_datagrams_dropped_total",
            "Datagrams dropped by the collector, by stage and reason.", "stage", "reason");
        _flowsWritten = metrics.CreateCounter("flowviz_collector_flows_written_total", "Flows written to the database.");
        _writeFailures = metrics.CreateCounter("flowviz_collector_write_failures_total", "Failed database write attempts (the batch is kept and retried).");
        _flowsLost = metrics.CreateCounter("flowviz_collector_flows_lost_total",
            "Flows that were decoded but will never be written, by reason (spool_full, spool_error, spool_corrupt).", "reason");
        _flowsSpooled = metrics.CreateCounter("flowviz_collector_flows_spooled_total", "Flows written to the on-disk spool because the database did not take them.");
        _counterSamples = metrics.CreateCounter("flowviz_collector_counter_samples_total", "sFlow interface counter samples, stored or dropped.", "result");
        _flowsReplayed = metrics.CreateCounter("flowviz_collector_flows_replayed_total", "Spooled flows written to the database afterwards.");
        _spoolBytes = metrics.CreateGauge("flowviz_collector_spool_bytes", "Bytes waiting in the on-disk spool.");
        _spoolFramesCorrupt = metrics.CreateCounter("flowviz_collector_spool_frames_corrupt_total", "Spool frames skipped because their checksum failed.");
        _spoolSegmentsUnreadable = metrics.CreateCounter("flowviz_collector_spool_segments_unreadable_total",
            "Spool segments with a header this version cannot read, set aside as *.unreadable (their flows are not replayed).");
        _sequenceLost = metrics.CreateGauge("flowviz_exporter_sequence_lost",
            "Units an exporter's sequence numbers say were sent but never arrived (unit: flows for v5, packets for v9, records for IPFIX, datagrams for sFlow).",
            "exporter", "protocol", "domain", "unit");
        _exporterDatagrams = metrics.CreateCounter("flowviz_exporter_datagrams_total",
            "Datagrams per exporter and decode status (ok, truncated, malformed, unsupportedversion, missingtemplate).", "exporter", "status");
        _exporterFlows = metrics.CreateCounter("flowviz_exporter_flows_total", "Flow records decoded per exporter.", "exporter");
        _exporterLastSeen = metrics.CreateGauge("flowviz_exporter_last_seen_timestamp_seconds", "When the exporter's last datagram arrived (Unix time).", "exporter");
        _replicationDatagrams = metrics.CreateCounter("flowviz_replication_datagrams_total",
            "Copies of received datagrams per replication receiver (Collector:Replicate), by result (sent, dropped_queue_full, send_error).",
            "receiver", "result");
        registry.AddBeforeCollectCallback(Update);
    }

    /// <summary>A registry with the .NET process metrics (CPU, memory, GC) that collector metrics join.</summary>
    public static CollectorRegistry CreateRegistry()
    {
        var registry = Prometheus.Metrics.NewCustomRegistry();
        DotNetStats.Register(registry);
        return registry;
    }

    private void Update()
    {
        _datagramsReceived.IncTo(_statistics.DatagramsReceived);
        _datagramsDropped.WithLabels("decode_queue", "full").IncTo(_statistics.DatagramsDroppedQueueFull);
        _flowsWritten.IncTo(_statistics.FlowsWritten);
        _writeFailures.IncTo(_statistics.WriteFailures);
        _flowsLost.WithLabels("spool_full").IncTo(_statistics.FlowsDroppedSpoolFull);
        _flowsLost.WithLabels("spool_error").IncTo(_statistics.FlowsDroppedSpoolError);
        _flowsLost.WithLabels("spool_corrupt").IncTo(_statistics.SpoolFlowsCorrupt);
        _flowsSpooled.IncTo(_statistics.FlowsSpooled);
        _counterSamples.WithLabels("stored").IncTo(_statistics.CounterSamplesStored);
        _counterSamples.WithLabels("dropped").IncTo(_statistics.CounterSamplesLost);
        _flowsReplayed.IncTo(_statistics.FlowsReplayed);
        _spoolBytes.Set(_statistics.SpoolBytes);
        _spoolFramesCorrupt.IncTo(_statistics.SpoolFramesCorrupt);
        _spoolSegmentsUnreadable.IncTo(_statistics.SpoolSegmentsUnreadable);
        foreach (var replica in _statistics.SnapshotReplicas())
        {
            _replicationDatagrams.WithLabels(replica.Receiver, "sent").IncTo(replica.Sent);
            _replicationDatagrams.WithLabels(replica.Receiver, "dropped_queue_full").IncTo(replica.DroppedQueueFull);
            _replicationDatagrams.WithLabels(replica.Receiver, "send_error").IncTo(replica.SendErrors);
        }
        foreach (var exporter in _statistics.SnapshotExporters())
        {
            var address = exporter.Exporter.ToString();
            foreach (var (status, count) in exporter.DatagramsByStatus)
            {
                _exporterDatagrams.WithLabels(address, status.ToString().ToLowerInvariant()).IncTo(count);
            }
            _exporterFlows.WithLabels(address).IncTo(exporter.Flows);
            foreach (var sequence in exporter.Sequences)
            {
                _sequenceLost.WithLabels(address, sequence.Protocol.ToString(), sequence.ObservationDomainId.ToString(CultureInfo.InvariantCulture), sequence.Unit)
                    .Set(sequence.Lost);
            }
            if (exporter.LastSeenUtc is { } lastSeen)
            {
                _exporterLastSeen.WithLabels(address).Set(new DateTimeOffset(lastSeen).ToUnixTimeMilliseconds() / 1000.0);
            }
        }
    }
}
