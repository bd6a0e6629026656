using FlowViz.Core.Flows;

namespace FlowViz.Collector.Writing;

/// <summary>Flows on their way to storage; <see cref="Flows"/> is rented from the array pool.</summary>
internal readonly record struct FlowBatch(FlowRecord[] Flows, int Count)
{
    public ReadOnlyMemory<FlowRecord> Memory => Flows.AsMemory(0, Count);
}
