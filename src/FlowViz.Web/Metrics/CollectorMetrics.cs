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
    private readonly Counter _exporterDatagrams;
    private readonly Counter _exporterFlows;
    private readonly Gauge _exporterLastSeen;

    public CollectorMetrics(CollectorStatistics statistics, CollectorRegistry registry)
    {
        _statistics = statistics;
        var metrics = Prometheus.Metrics.WithCustomRegistry(registry);
        _datagramsReceived = metrics.CreateCounter("flowviz_collector_datagrams_received_total", "UDP datagrams received by the collector's listeners.");
        _datagramsDropped = metrics.CreateCounter("flowviz_collector_datagrams_dropped_total",
            "Datagrams dropped by the collector, by stage and reason.", "stage", "reason");
        _flowsWritten = metrics.CreateCounter("flowviz_collector_flows_written_total", "Flows written to the database.");
        _writeFailures = metrics.CreateCounter("flowviz_collector_write_failures_total", "Failed database write attempts (the batch is kept and retried).");
        _flowsLost = metrics.CreateCounter("flowviz_collector_flows_lost_total", "Flows that were decoded but never written, by reason.", "reason");
        _exporterDatagrams = metrics.CreateCounter("flowviz_exporter_datagrams_total",
            "Datagrams per exporter and decode status (ok, truncated, malformed, unsupportedversion, missingtemplate).", "exporter", "status");
        _exporterFlows = metrics.CreateCounter("flowviz_exporter_flows_total", "Flow records decoded per exporter.", "exporter");
        _exporterLastSeen = metrics.CreateGauge("flowviz_exporter_last_seen_timestamp_seconds", "When the exporter's last datagram arrived (Unix time).", "exporter");
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
        _flowsLost.WithLabels("shutdown").IncTo(_statistics.FlowsLostOnShutdown);
        foreach (var exporter in _statistics.SnapshotExporters())
        {
            var address = exporter.Exporter.ToString();
            foreach (var (status, count) in exporter.DatagramsByStatus)
            {
                _exporterDatagrams.WithLabels(address, status.ToString().ToLowerInvariant()).IncTo(count);
            }
            _exporterFlows.WithLabels(address).IncTo(exporter.Flows);
            if (exporter.LastSeenUtc is { } lastSeen)
            {
                _exporterLastSeen.WithLabels(address).Set(new DateTimeOffset(lastSeen).ToUnixTimeMilliseconds() / 1000.0);
            }
        }
    }
}
