using FlowViz.Core.Flows;
namespace FlowViz.Protocols.NetFlow9;
// TEMPORARY STUB (not committed)
public sealed class NetFlowV9Encoder(uint sourceId)
{
    public const int MaxDatagramSize = 1400;
    public uint SourceId => sourceId;
    public int Encode(Span<byte> destination, ReadOnlySpan<FlowRecord> flows, DateTime exportTimeUtc, uint sysUptimeMs, bool includeTemplates, out int flowsWritten) { flowsWritten = flows.Length; return 0; }
}
