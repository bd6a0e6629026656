using FlowViz.Core.Flows;
using FlowViz.Protocols;

namespace FlowViz.Protocols.Tests;

/// <summary>Keeps a copy of every flow a decoder emits.</summary>
internal sealed class RecordingSink : IFlowRecordSink
{
    public List<FlowRecord> Flows { get; } = [];

    public void Add(in FlowRecord flow) => Flows.Add(flow);
}
