using FlowViz.Core.Flows;

namespace FlowViz.Core.Queries;

/// <summary>
/// The flow columns a flow list can be sorted by: times and counters, which are never NULL, so the order
/// (and the page cursor built on it) is total. Names are <see cref="FlowColumns"/> names.
/// </summary>
public static class FlowSortColumns
{
    public const string Default = "time_received";

    public static IReadOnlyList<string> Names { get; } =
    [
        "time_received", "time_start", "time_end", "bytes", "packets", "sampling_rate", "src_port", "dst_port", "protocol",
        "input_if", "output_if", "src_as", "dst_as", "tcp_flags", "tos",
    ];

    /// <summary>True for a sortable column; its SQL type is <see cref="FlowColumns"/>' (timestamptz or an integer type).</summary>
    public static bool IsSortable(string name) => Names.Contains(name, StringComparer.Ordinal);

    /// <summary>True when the column is a time (its cursor value is UTC ticks), false for an integer.</summary>
    public static bool IsTime(string name) => name.StartsWith("time_", StringComparison.Ordinal);
}
