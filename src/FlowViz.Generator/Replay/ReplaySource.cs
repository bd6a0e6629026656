using System.Net;

namespace FlowViz.Generator.Replay;

/// <summary>What was replayed for one exporter of the capture: its original address, the local one it was sent from, the totals.</summary>
public sealed record ReplaySource(IPEndPoint Original, IPEndPoint SentFrom, long Datagrams, long Bytes);
