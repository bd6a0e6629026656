namespace FlowViz.Storage.Settings;

/// <summary>Flows and bytes (scaled by sampling) of one (protocol, source port, destination port, stored application).</summary>
public sealed record PortTraffic(byte Protocol, ushort SrcPort, ushort DstPort, string? Application, long Flows, long Bytes);
