namespace FlowViz.Core.Flows;

/// <summary>The export protocol a flow record arrived in; stored with every flow.</summary>
public enum FlowProtocol : byte
{
    Unknown = 0,
    NetFlowV5 = 5,
    NetFlowV9 = 9,
    Ipfix = 10,
    SFlowV5 = 50,
}
