using FlowViz.Core.Flows;
using FlowViz.Protocols;

namespace FlowViz.Generator.Tests;

internal sealed class CountingSink : IFlowRecordSink
{
    public long Flows { get; private set; }

    public long Bytes { get; private set; }

    public void Add(in FlowRecord flow)
    {
        Flows++;
        Bytes += (long)flow.Bytes;
    }
}
