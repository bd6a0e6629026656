using FlowViz.Core.Flows;
using FlowViz.Protocols.NetFlow9;

namespace FlowViz.Protocols.Ipfix;

/// <summary>
/// What every Set of one IPFIX Message shares (RFC 7011 §3.1): where it came from, its export time and
/// domain.
/// </summary>
internal readonly struct IpfixMessage(in DatagramContext context, DateTime exportTimeUtc, uint observationDomainId)
{
    public readonly FlowAddress Exporter = context.Exporter;
    public readonly DateTime ReceivedUtc = context.ReceivedUtc;
    public readonly DateTime ExportTimeUtc = exportTimeUtc;
    public readonly uint ObservationDomainId = observationDomainId;

    /// <summary>The export time, or the receive time when the export time is implausible: the time records without times get.</summary>
    public readonly DateTime FlowTimeBaseUtc = IpfixTime.IsPlausible(exportTimeUtc) ? exportTimeUtc : context.ReceivedUtc;

    public TemplateKey KeyFor(ushort templateId) => new(Exporter, FlowProtocol.Ipfix, ObservationDomainId, templateId);
}
