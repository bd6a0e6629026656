using FlowViz.Collector.Statistics;
using FlowViz.Protocols;

namespace FlowViz.Web.Exporters;

/// <summary>Reads the collector's live counters and template cache, as /api/v1/exporters does.</summary>
public sealed class CollectorExporterReports(CollectorStatistics statistics, FlowDatagramDecoder decoder) : IExporterReports
{
    public IReadOnlyList<ExporterReport> Snapshot() =>
        [.. statistics.SnapshotExporters().Select(exporter => From(exporter, decoder.Templates.CountFor(exporter.Exporter)))];

    public PipelineReport Pipeline() => new(
        statistics.DatagramsReceived,
        statistics.DatagramsDroppedQueueFull,
        statistics.FlowsWritten,
        statistics.WriteFailures,
        statistics.FlowsSpooled,
        statistics.FlowsReplayed,
        statistics.SpoolBytes,
        statistics.FlowsDroppedSpoolFull,
        statistics.FlowsDroppedSpoolError,
        statistics.SpoolFramesCorrupt,
        statistics.SpoolFlowsCorrupt,
        statistics.SpoolSegmentsUnreadable,
        [.. statistics.SnapshotReplicas().Select(r => new ReplicaReport(r.Receiver, r.Sent, r.DroppedQueueFull, r.SendErrors))]);

    public static ExporterReport From(ExporterSnapshot exporter, int templatesKnown) => new(
        exporter.Exporter.ToString(),
        exporter.Datagrams,
        exporter.Flows,
        exporter.Packets,
        exporter.Bytes,
        templatesKnown,
        exporter.MissingTemplateSets,
        exporter.DatagramsByStatus
            .Where(s => s.Key is not DecodeStatus.Ok and not DecodeStatus.MissingTemplate && s.Value != 0)
            .ToDictionary(s => ReasonName(s.Key), s => s.Value),
        [.. exporter.FlowsBySamplingRate.OrderBy(r => r.Key).Select(r => new SamplingRateCount(r.Key, r.Value))],
        exporter.Sequences.Sum(s => s.Expected),
        exporter.Sequences.Sum(s => s.Lost),
        exporter.LastSeenUtc);

    /// <summary>The reason names the API uses for malformed datagrams.</summary>
    public static string ReasonName(DecodeStatus status) => status switch
    {
        DecodeStatus.UnsupportedVersion => "unsupported_version",
        _ => status.ToString().ToLowerInvariant(),
    };
}
