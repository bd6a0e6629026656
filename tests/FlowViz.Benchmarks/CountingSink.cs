using FlowViz.Core.Flows;
using FlowViz.Protocols;

namespace FlowViz.Benchmarks;

/// <summary>Touches each record (sums bytes) so the decoder's work cannot be optimised away.</summary>
internal sealed class CountingSink : IFlowRecordSink
{
    public ulong Bytes;
    public int Flows;

    public void Add(in FlowRecord flow)
    {
        Bytes += flow.Bytes;
        Flows++;
    }
}
