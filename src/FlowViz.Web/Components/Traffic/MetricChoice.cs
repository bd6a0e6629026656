using FlowViz.Core.Queries;
using FlowViz.Web.Components.Formatting;

namespace FlowViz.Web.Components.Traffic;

/// <summary>What a page charts and ranks by, named as in the URL (<c>metric=packets</c>).</summary>
public sealed record MetricChoice(string Name, string Label, TrafficMetric SeriesMetric, TrafficMetric RankMetric, string Unit)
{
    public static readonly MetricChoice Bits = new("bits", "Bits", TrafficMetric.Bits, TrafficMetric.Bytes, TrafficUnits.BitsPerSecond);
    public static readonly MetricChoice Packets = new("packets", "Packets", TrafficMetric.Packets, TrafficMetric.Packets, TrafficUnits.PacketsPerSecond);
    public static readonly MetricChoice Flows = new("flows", "Flows", TrafficMetric.Flows, TrafficMetric.Flows, TrafficUnits.FlowsPerSecond);

    public static readonly IReadOnlyList<MetricChoice> All = [Bits, Packets, Flows];

    public static MetricChoice Parse(string? name) =>
        All.FirstOrDefault(m => string.Equals(m.Name, name, StringComparison.OrdinalIgnoreCase)) ?? Bits;
}
