using FlowViz.Core.Flows;

namespace FlowViz.Collector.Spooling;

/// <summary>
/// The oldest batch of the spool, read back. <see cref="Flows"/> is rented from the array pool; <see cref="Next"/>
/// goes to <see cref="FlowSpool.Acknowledge"/> once the batch is committed to the database.
/// </summary>
internal readonly record struct SpooledBatch(FlowRecord[] Flows, int Count, SpoolPosition Next)
{
    public ReadOnlyMemory<FlowRecord> Memory => Flows.AsMemory(0, Count);
}
