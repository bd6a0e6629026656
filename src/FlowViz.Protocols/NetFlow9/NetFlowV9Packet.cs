using FlowViz.Core.Flows;

namespace FlowViz.Protocols.NetFlow9;

/// <summary>
/// What every FlowSet of one export packet shares: where it came from and its header's clock.
/// </summary>
internal readonly struct NetFlowV9Packet(in DatagramContext context, uint sourceId, in ExportClock clock)
{
    public readonly FlowAddress Exporter = context.Exporter;
    public readonly DateTime ReceivedUtc = context.ReceivedUtc;
    public readonly uint SourceId = sourceId;
    public readonly ExportClock Clock = clock;

    public TemplateKey KeyFor(ushort templateId) => new(Exporter, FlowProtocol.NetFlowV9, SourceId, templateId);
}
