using FlowViz.Core.Flows;
using FlowViz.Protocols;

namespace FlowViz.Collector.Statistics;

/// <summary>A consistent-enough copy of one exporter's counters for the UI and the API.</summary>
public sealed record ExporterSnapshot(
    FlowAddress Exporter,
    long Datagrams,
    long Flows,
    long MissingTemplateSets,
    IReadOnlyDictionary<DecodeStatus, long> DatagramsByStatus,
    DateTime? LastSeenUtc);
