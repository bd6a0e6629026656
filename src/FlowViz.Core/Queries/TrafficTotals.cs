namespace FlowViz.Core.Queries;

/// <summary>Flow, packet and byte counts, with sampling applied.</summary>
public sealed record TrafficTotals(long Flows, long Packets, long Bytes)
{
    public static TrafficTotals Zero { get; } = new(0, 0, 0);
}
