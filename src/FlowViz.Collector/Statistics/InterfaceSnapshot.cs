namespace FlowViz.Collector.Statistics;

/// <summary>
/// What an exporter has said about one of its interfaces: its name and description (v9/IPFIX options
/// data) and its latest counters (sFlow counter samples), whichever it sent.
/// </summary>
public sealed record InterfaceSnapshot(
    uint ObservationDomainId,
    uint IfIndex,
    string? Name,
    string? Description,
    ulong? SpeedBitsPerSecond,
    ulong? InOctets,
    ulong? OutOctets,
    bool? IsUp,
    DateTime? CountersAtUtc);
