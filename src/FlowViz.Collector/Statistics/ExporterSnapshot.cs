using FlowViz.Core.Flows;
using FlowViz.Protocols;

namespace FlowViz.Collector.Statistics;

/// <summary>A copy of one exporter's counters for the UI, the API and /metrics.</summary>
/// <param name="Exporter">The exporter's address.</param>
/// <param name="Datagrams">Datagrams received, whatever their status.</param>
/// <param name="Flows">Flow records decoded.</param>
/// <param name="Packets">Packets the flows stand for, sampling applied.</param>
/// <param name="Bytes">Bytes the flows stand for, sampling applied.</param>
/// <param name="MissingTemplateSets">Data sets skipped because their template was not known (yet).</param>
/// <param name="DatagramsByStatus">Datagrams by decode status: malformed ones by reason.</param>
/// <param name="FlowsBySamplingRate">Flows seen at each sampling rate (1 = unsampled).</param>
/// <param name="Sequences">Loss per export stream (protocol and observation domain).</param>
/// <param name="CounterSamples">sFlow counter samples received.</param>
/// <param name="Interfaces">Interface names (options data) and latest counters (sFlow), per interface.</param>
/// <param name="LastSeenUtc">When the last datagram arrived; null before the first.</param>
public sealed record ExporterSnapshot(
    FlowAddress Exporter,
    long Datagrams,
    long Flows,
    long Packets,
    long Bytes,
    long MissingTemplateSets,
    IReadOnlyDictionary<DecodeStatus, long> DatagramsByStatus,
    IReadOnlyDictionary<uint, long> FlowsBySamplingRate,
    IReadOnlyList<SequenceSnapshot> Sequences,
    long CounterSamples,
    IReadOnlyList<InterfaceSnapshot> Interfaces,
    DateTime? LastSeenUtc);
