using FlowViz.Core.Counters;

namespace FlowViz.Protocols.Tests.SFlow;

/// <summary>Keeps a copy of every flow and every interface counter record a decoder emits.</summary>
internal sealed class RecordingCounterSink : IFlowRecordSink, IInterfaceCounterSink
{
    public List<Core.Flows.FlowRecord> Flows { get; } = [];

    public List<InterfaceCounterRecord> Counters { get; } = [];

    public void Add(in Core.Flows.FlowRecord flow) => Flows.Add(flow);

    public void Add(in InterfaceCounterRecord counters) => Counters.Add(counters);
}
