using System.Net;

namespace FlowViz.Generator.Replay;

/// <summary>One UDP datagram found in a capture: when it was captured (from the first record), who sent it, its payload.</summary>
public sealed record PcapDatagram(TimeSpan Offset, IPEndPoint Source, byte[] Payload);
