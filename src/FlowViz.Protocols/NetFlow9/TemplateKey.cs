using FlowViz.Core.Flows;

namespace FlowViz.Protocols.NetFlow9;

/// <summary>
/// Identifies a template: template IDs are only unique per exporter and observation domain
/// (RFC 3954 §5.1: "the Source ID … and the IP address of the Exporter" scope the template IDs).
/// The protocol is part of the key so IPFIX templates from the same exporter never collide.
/// </summary>
public readonly record struct TemplateKey(FlowAddress Exporter, FlowProtocol Protocol, uint ObservationDomainId, ushort TemplateId);
