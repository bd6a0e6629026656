using FlowViz.Core.Queries;

namespace FlowViz.Storage.Queries;

/// <summary>
/// The fixed pieces of SQL the traffic queries are built from. Only these whitelisted fragments (and those of
/// <see cref="DimensionSql"/>) are ever spliced into SQL text; every value (times, limits, steps) is a parameter.
/// Sampling: bytes and packets are multiplied by the record's sampling rate (0 is treated as 1, like
/// FlowRecord.ScaledBytes); flows are a count of records and are not scaled, since one sampled record
/// does not stand for a known number of flows. The rollups store the same scaled sums.
/// </summary>
internal static class TrafficSql
{
    public const string ScaledBytes = "bytes * greatest(sampling_rate, 1)";
    public const string ScaledPackets = "packets * greatest(sampling_rate, 1)";

    /// <summary>The measure of the segment union (<see cref="SegmentUnion"/>) a metric sums; bits are bytes until the rate is computed.</summary>
    public static string AmountOf(TrafficMetric metric) => metric switch
    {
        TrafficMetric.Bytes or TrafficMetric.Bits => "bytes",
        TrafficMetric.Packets => "packets",
        TrafficMetric.Flows => "flows",
        _ => throw new ArgumentOutOfRangeException(nameof(metric), metric, "Unknown metric."),
    };

    /// <summary>The aggregate column of a grouped row that ranks by a metric.</summary>
    public static string RankColumnOf(TrafficMetric metric) => AmountOf(metric);
}
