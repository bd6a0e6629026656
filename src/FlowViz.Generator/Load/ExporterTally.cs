using System.Net;

namespace FlowViz.Generator.Load;

/// <summary>What one simulated exporter (or one replayed source) sent: UDP payloads, not IP packets.</summary>
public sealed record ExporterTally(IPEndPoint Source, long Datagrams, long Flows, long Bytes);
