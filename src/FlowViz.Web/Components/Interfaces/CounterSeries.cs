using FlowViz.Core.Counters;
using FlowViz.Core.Queries;

namespace FlowViz.Web.Components.Interfaces;

/// <summary>
/// An interface's counter rates as the chart's series: out above the axis, in below it (the chart mirrors "in"), one key
/// so both directions share a colour. Only buckets with counters are points: a gap in polling stays a gap.
/// </summary>
public static class CounterSeries
{
    public const string Key = "counters";

    public static SeriesResult ToChart(IReadOnlyList<InterfaceCounterPoint> points, int stepSeconds) => new(stepSeconds,
    [
        new TrafficSeries(Key, "Interface", [.. points.Select(p => new SeriesPoint(p.UnixSeconds, p.OutBps))], "out"),
        new TrafficSeries(Key, "Interface", [.. points.Select(p => new SeriesPoint(p.UnixSeconds, p.InBps))], "in"),
    ]);
}
