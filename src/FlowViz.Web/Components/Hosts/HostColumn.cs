namespace FlowViz.Web.Components.Hosts;

/// <summary>The columns a <see cref="HostTable"/> can be sorted by.</summary>
public enum HostColumn
{
    Host,
    Out,
    In,
    Internal,
    Flows,
    Packets,
    Bytes,
}
