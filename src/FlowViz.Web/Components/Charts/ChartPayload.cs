using FlowViz.Core.Queries;
using FlowViz.Web.Components.Formatting;

namespace FlowViz.Web.Components.Charts;

/// <summary>
/// What flowviz-chart.js create()/update() receive (camelCase JSON). <see cref="AxisFrom"/> and <see cref="AxisTo"/>
/// bound the time axis (Unix milliseconds) so that the chart shows the whole range asked for. <see cref="AveragedSeconds"/>
/// is the step the points were averaged to when the query's was finer than the chart draws (<see cref="ChartPoints"/>);
/// null when each point is one of the query's buckets.
/// </summary>
public sealed record ChartPayload(
    int Height, string Unit, bool Mirrored, string TimeZone, IReadOnlyList<UnitStep> Scale, IReadOnlyList<ChartSeries> Series,
    double? AxisFrom = null, double? AxisTo = null, bool Zoomable = false, int? AveragedSeconds = null)
{
    /// <summary>
    /// The y axis's title: the unit, a mirrored chart's directions, and the averaging when the chart draws coarser buckets
    /// than the query's ("bit/s (out ↑, in ↓), 2 min averages"). Sent in the payload: the chart module and the static
    /// picture of the prerendered HTML write the same title.
    /// </summary>
    public string AxisTitle
    {
        get
        {
            var title = Mirrored ? $"{Unit} (out ↑, in ↓)" : Unit;
            return AveragedSeconds switch
            {
                null or 0 => title,
                var s when s % 3600 == 0 => $"{title}, {s / 3600} h averages",
                var s when s % 60 == 0 => $"{title}, {s / 60} min averages",
                var s => $"{title}, {s} s averages",
            };
        }
    }

    public static ChartPayload From(
        SeriesResult? result, string unit, bool mirrored, int height, string timeZone, TimeRange? range = null, bool zoomable = false)
    {
        var series = result?.Series ?? [];
        var step = result?.StepSeconds ?? 0;
        var drawnStep = ChartPoints.DrawnStep(step, series.Count == 0 ? 0 : series.Max(s => s.Points.Count));
        return new(height, unit, mirrored, timeZone, TrafficUnits.ScaleOf(unit),
            [.. series.Select(s => ChartSeries.From(s, mirrored, drawnStep == step ? null : drawnStep))],
            range?.From.ToUnixTimeMilliseconds(), range?.To.ToUnixTimeMilliseconds(), zoomable,
            drawnStep == step ? null : drawnStep);
    }
}

/// <summary>
/// One series; each point is [Unix milliseconds, rate]. <see cref="Direction"/> is "out", "in" or "other" for a
/// series split by direction (null otherwise); the name then says it, and a mirrored chart draws "in" below the axis
/// by negating its rates (the query service keeps every rate positive). Both directions of a key share its colour.
/// </summary>
public sealed record ChartSeries(string Key, string Name, string Color, IReadOnlyList<double[]> Data, string? Direction = null)
{
    public static ChartSeries From(TrafficSeries series) => From(series, mirrored: false);

    /// <summary>With an averaged step, the points averaged into buckets of that many seconds (<see cref="ChartPoints"/>).</summary>
    public static ChartSeries From(TrafficSeries series, bool mirrored, int? averagedStep = null)
    {
        var sign = mirrored && series.Direction == "in" ? -1.0 : 1.0;
        var name = series.Direction is null ? series.Label : $"{series.Label} {DirectionWords(series.Direction)}";
        IReadOnlyList<double[]> data = averagedStep is { } step
            ? ChartPoints.Averaged(series.Points, step, sign)
            : [.. series.Points.Select(p => new[] { p.UnixSeconds * 1000.0, sign * p.Rate })];
        return new(series.Key, name, SeriesColors.For(series.Key), data, series.Direction);
    }

    /// <summary>"other" of a direction split is internal, transit and undecided traffic (SeriesSplit.Direction).</summary>
    public static string DirectionWords(string direction) => direction == "other" ? "internal/transit" : direction;
}
