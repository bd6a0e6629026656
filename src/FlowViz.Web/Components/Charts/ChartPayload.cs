using FlowViz.Core.Queries;
using FlowViz.Web.Components.Formatting;

namespace FlowViz.Web.Components.Charts;

/// <summary>
/// What flowviz-chart.js create()/update() receive (camelCase JSON). <see cref="AxisFrom"/> and <see cref="AxisTo"/>
/// bound the time axis (Unix milliseconds) so that the chart shows the whole range asked for.
/// </summary>
public sealed record ChartPayload(
    int Height, string Unit, bool Mirrored, string TimeZone, IReadOnlyList<UnitStep> Scale, IReadOnlyList<ChartSeries> Series,
    double? AxisFrom = null, double? AxisTo = null, bool Zoomable = false)
{
    public static ChartPayload From(
        SeriesResult? result, string unit, bool mirrored, int height, string timeZone, TimeRange? range = null, bool zoomable = false) =>
        new(height, unit, mirrored, timeZone, TrafficUnits.ScaleOf(unit),
            [.. (result?.Series ?? []).Select(ChartSeries.From)],
            range?.From.ToUnixTimeMilliseconds(), range?.To.ToUnixTimeMilliseconds(), zoomable);
}

/// <summary>One series; each point is [Unix milliseconds, rate].</summary>
public sealed record ChartSeries(string Key, string Name, string Color, IReadOnlyList<double[]> Data)
{
    public static ChartSeries From(TrafficSeries series) =>
        new(series.Key, series.Label, SeriesColors.For(series.Key),
            [.. series.Points.Select(p => new[] { p.UnixSeconds * 1000.0, p.Rate })]);
}
