using System.Globalization;
using System.Text;
using FlowViz.Web.Components.Formatting;

namespace FlowViz.Web.Components.Charts;

/// <summary>One area of the static picture: an SVG path in the picture's <see cref="StaticChartPicture.ViewBox"/>.</summary>
public sealed record StaticArea(string Name, string Color, string Path);

/// <summary>A legend entry: the series' name and colour, in the order apexcharts lists them.</summary>
public sealed record LegendEntry(string Name, string Color);

/// <summary>
/// The chart a <see cref="ChartPayload"/> describes, computed on the server for the prerendered HTML (StaticChart), so
/// that a chart page shows its traffic with the HTML's first paint instead of after apexcharts has loaded and drawn
/// (about 0.3–0.6 s later; tests/benchmarks/README.md). Same data, stacking, colours, axis title and units as the chart
/// that replaces it; the areas are drawn in a <see cref="Width"/> × <see cref="Height"/> box stretched to the plot, in
/// whole units (a unit is under a pixel at any chart size FlowViz draws), their points written relative to the previous
/// one to keep the HTML small.
/// </summary>
public sealed record StaticChartPicture(
    IReadOnlyList<StaticArea> Areas, IReadOnlyList<AxisTick> ValueTicks, IReadOnlyList<AxisTick> TimeTicks,
    double? AxisLine, string AxisTitle, IReadOnlyList<LegendEntry> Legend, bool Opaque)
{
    public const int Width = 4000;
    public const int Height = 1000;
    public const string ViewBox = "0 0 4000 1000";

    /// <summary>Null when there is nothing to draw (no series, or no points): apexcharts' empty state says so.</summary>
    public static StaticChartPicture? From(ChartPayload payload)
    {
        var series = payload.Series;
        if (series.All(s => s.Data.Count == 0))
        {
            return null;
        }
        var layers = payload.Mirrored ? ChartLayers.Mirrored(series) : ChartLayers.Stacked(series);
        var points = layers.SelectMany(l => l.Upper).ToList();
        var from = payload.AxisFrom ?? series.SelectMany(s => s.Data).Min(p => p[0]);
        var to = payload.AxisTo ?? series.SelectMany(s => s.Data).Max(p => p[0]);
        var ticks = Charts.ValueTicks.For(points.Count == 0 ? 0 : points.Min(p => p[1]), points.Count == 0 ? 0 : points.Max(p => p[1]));
        var frame = new Frame(from, Math.Max(to - from, 1), ticks[0], ticks[^1]);
        return new StaticChartPicture(
            [.. layers.Select(l => new StaticArea(series[l.Source].Name, series[l.Source].Color, frame.AreaPath(l)))],
            [.. ticks.Select(v => new AxisTick(frame.Down(v), TrafficUnits.AxisLabel(v, payload.Scale, payload.Mirrored)))],
            Charts.TimeTicks.For(DateTimeOffset.FromUnixTimeMilliseconds((long)from), DateTimeOffset.FromUnixTimeMilliseconds((long)to), ZoneOf(payload.TimeZone)),
            payload.Mirrored ? frame.Down(0) : null,
            payload.AxisTitle,
            [.. layers.Select(l => new LegendEntry(series[l.Source].Name, series[l.Source].Color))],
            payload.Mirrored);
    }

    private static TimeZoneInfo ZoneOf(string id) =>
        TimeZoneInfo.TryFindSystemTimeZoneById(id, out var zone) ? zone : TimeZoneInfo.Utc;

    /// <summary>Time and value to the picture's box: x from the axis's start, y down from the top tick.</summary>
    private sealed record Frame(double From, double Span, double Bottom, double Top)
    {
        /// <summary>0 at the top tick, 1 at the bottom one.</summary>
        public double Down(double value) => (Top - value) / (Top - Bottom);

        private int X(double ms) => (int)Math.Round((ms - From) / Span * Width);

        private int Y(double value) => (int)Math.Round(Down(value) * Height);

        /// <summary>Along the upper edge, back along the lower edge (or the axis), closed.</summary>
        public string AreaPath(ChartLayer layer)
        {
            var outline = new List<(int X, int Y)>(layer.Upper.Count * 2 + 2);
            outline.AddRange(layer.Upper.Select(p => (X(p[0]), Y(p[1]))));
            if (layer.Lower is { } lower)
            {
                outline.AddRange(lower.Reverse().Select(p => (X(p[0]), Y(p[1]))));
            }
            else if (layer.Upper.Count > 0)
            {
                outline.Add((X(layer.Upper[^1][0]), Y(0)));
                outline.Add((X(layer.Upper[0][0]), Y(0)));
            }
            return Relative(outline);
        }

        private static string Relative(List<(int X, int Y)> outline)
        {
            if (outline.Count == 0)
            {
                return "";
            }
            var path = new StringBuilder(outline.Count * 8);
            path.Append(CultureInfo.InvariantCulture, $"M{outline[0].X} {outline[0].Y}");
            if (outline.Count > 1)
            {
                path.Append('l');
            }
            for (var i = 1; i < outline.Count; i++)
            {
                path.Append(CultureInfo.InvariantCulture, $"{outline[i].X - outline[i - 1].X} {outline[i].Y - outline[i - 1].Y} ");
            }
            return path.Append('z').ToString();
        }
    }
}
