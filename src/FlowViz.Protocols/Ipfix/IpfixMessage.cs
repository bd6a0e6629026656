using FlowViz.Core.Flows;
using FlowViz.Protocols.NetFlow9;

namespace FlowViz.Protocols.Ipfix;

/// <summary>
/// What every Set of one IPFIX Message shares (RFC 7011 §3.1): where it came from, its export time and
/// domain, and the template cache's clock read once for the message (as in NetFlowV9Packet).
/// </summary>
internal readonly struct IpfixMessage(in DatagramContext context, DateTime exportTimeUtc, uint observationDomainId,
    long templateClockTicks)
{
    public readonly FlowAddress Exporter = context.Exporter;
    public readonly DateTime ReceivedUtc = context.ReceivedUtc;
    public readonly DateTime ExportTimeUtc = exportTimeUtc;
    public readonly uint ObservationDomainId = observationDomainId;
    public readonly long TemplateClockTicks = templateClockTicks;

    public TemplateKey KeyFor(ushort templateId) => new(Exporter, FlowProtocol.Ipfix, ObservationDomainId, templateId);
}
