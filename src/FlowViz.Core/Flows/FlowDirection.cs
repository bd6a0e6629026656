namespace FlowViz.Core.Flows;

/// <summary>
/// The direction the exporter observed the flow in (NetFlow v9 IE 61 flowDirection, IPFIX IE 61):
/// 0 ingress, 1 egress. Unknown when the exporter does not say.
/// </summary>
public enum FlowDirection : byte
{
    Ingress = 0,
    Egress = 1,
    Unknown = 255,
}
