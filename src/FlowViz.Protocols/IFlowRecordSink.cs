using FlowViz.Core.Flows;

namespace FlowViz.Protocols;

/// <summary>Receives each decoded flow. The record is passed by reference and only valid during the call.</summary>
public interface IFlowRecordSink
{
    void Add(in FlowRecord flow);
}
