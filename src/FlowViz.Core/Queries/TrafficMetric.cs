namespace FlowViz.Core.Queries;

/// <summary>What to count. For series, <see cref="Bits"/> is bytes × 8 per second.</summary>
public enum TrafficMetric
{
    Bytes,
    Packets,
    Flows,
    Bits,
}
