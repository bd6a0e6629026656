namespace FlowViz.Generator.Load;

/// <summary>The export format the load generator writes.</summary>
public enum LoadProtocol
{
    NetFlowV5,
    NetFlowV9,
    Ipfix,
}
