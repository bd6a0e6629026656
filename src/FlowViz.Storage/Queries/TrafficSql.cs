using FlowViz.Core.Queries;

namespace FlowViz.Storage.Queries;

/// <summary>
/// The fixed pieces of SQL the traffic queries are built from. Only these whitelisted fragments are ever
/// spliced into SQL text; every value (times, limits, steps) is a parameter.
/// Sampling: bytes and packets are multiplied by the record's sampling rate (0 is treated as 1, like
/// FlowRecord.ScaledBytes); flows are a count of records and are not scaled, since one sampled record
/// does not stand for a known number of flows.
/// </summary>
internal static class TrafficSql
{
    public const string ScaledBytes = "bytes * greatest(sampling_rate, 1)";
    public const string ScaledPackets = "packets * greatest(sampling_rate, 1)";

    /// <summary>Half-open [from, to) on the time axis; $1 and $2 in every query.</summary>
    public const string InRange = "time_received >= $1 AND time_received < $2";

    /// <summary>The column a dimension groups by.</summary>
    public static string ColumnOf(FlowDimension dimension) => dimension switch
    {
        FlowDimension.Protocol => "protocol",
        FlowDimension.SrcAddr => "src_addr",
        FlowDimension.DstAddr => "dst_addr",
        FlowDimension.SrcPort => "src_port",
        FlowDimension.DstPort => "dst_port",
        FlowDimension.Exporter => "exporter",
        _ => throw new ArgumentOutOfRangeException(nameof(dimension), dimension, "Dimension not supported by the query service."),
    };

    /// <summary>How a grouped key column becomes the text key: host() drops the /32 or /128 of inet.</summary>
    public static string KeyTextOf(FlowDimension dimension, string column) => dimension switch
    {
        FlowDimension.SrcAddr or FlowDimension.DstAddr or FlowDimension.Exporter => $"host({column})",
        _ => $"{column}::text",
    };

    /// <summary>The per-record amount a metric sums; bits are bytes until the rate is computed.</summary>
    public static string AmountOf(TrafficMetric metric) => metric switch
    {
        TrafficMetric.Bytes or TrafficMetric.Bits => ScaledBytes,
        TrafficMetric.Packets => ScaledPackets,
        TrafficMetric.Flows => "1",
        _ => throw new ArgumentOutOfRangeException(nameof(metric), metric, "Unknown metric."),
    };

    /// <summary>The aggregate column of a grouped row that ranks by a metric.</summary>
    public static string RankColumnOf(TrafficMetric metric) => metric switch
    {
        TrafficMetric.Bytes or TrafficMetric.Bits => "bytes",
        TrafficMetric.Packets => "packets",
        TrafficMetric.Flows => "flows",
        _ => throw new ArgumentOutOfRangeException(nameof(metric), metric, "Unknown metric."),
    };
}
