using FlowViz.Core.Flows;

namespace FlowViz.Protocols;

/// <summary>
/// Optionally implemented by the <see cref="IFlowRecordSink"/> passed to a decoder: receives what
/// exporters say about themselves in options data (NetFlow v9 RFC 3954 §6, IPFIX RFC 7011 §3.4.2).
/// Options records are rare (a few per template refresh), so these calls may allocate.
/// </summary>
public interface IExporterOptionsSink
{
    /// <summary>
    /// An interface's name (IPFIX IE 82 interfaceName, v9 IF_NAME) and description (IE 83, IF_DESC)
    /// for the ifIndex of the record's scope (v9 scope "Interface", IPFIX ingressInterface 10).
    /// </summary>
    void InterfaceName(FlowAddress exporter, uint observationDomainId, uint ifIndex, string name, string? description);
}
