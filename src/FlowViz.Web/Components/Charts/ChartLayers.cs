namespace FlowViz.Web.Components.Charts;

/// <summary>
/// One area of a stacked chart as drawn: the payload series it shows (<see cref="Source"/>), its upper edge and, for a
/// band, its lower edge, as [Unix milliseconds, rate] points (a layer without a lower edge reaches down or up to the axis).
/// </summary>
public sealed record ChartLayer(int Source, IReadOnlyList<double[]> Upper, IReadOnlyList<double[]>? Lower);

/// <summary>
/// How a <see cref="ChartPayload"/>'s series stack, as flowviz-chart.js draws them with apexcharts, for the static picture
/// of the prerendered HTML (<see cref="StaticChartPicture"/>). Points are matched by position, as both stackings in the
/// browser do: one query's series share their buckets.
/// </summary>
public static class ChartLayers
{
    /// <summary>
    /// All series, in payload order, each a band on top of the ones before it: apexcharts' stacked area chart (the
    /// first series lies on the axis, the last on top).
    /// </summary>
    public static IReadOnlyList<ChartLayer> Stacked(IReadOnlyList<ChartSeries> series)
    {
        var layers = new List<ChartLayer>(series.Count);
        IReadOnlyList<double[]>? below = null;
        for (var i = 0; i < series.Count; i++)
        {
            var top = Sum(below, series[i].Data);
            layers.Add(new ChartLayer(i, top, below));
            below = top;
        }
        return layers;
    }

    /// <summary>
    /// A mirrored chart's layers in drawing order, the rule of flowviz-chart.js's mirroredLayers (keep the two alike):
    /// above and below the axis separately, the k-th series of a side reaches the sum of the side's first k+1 series,
    /// and the outermost layer comes first so that the inner ones are painted over it. Series that are zero throughout
    /// are left out. Each layer reaches to the axis (no lower edge): the layers are opaque.
    /// </summary>
    public static IReadOnlyList<ChartLayer> Mirrored(IReadOnlyList<ChartSeries> series)
    {
        var layers = new List<ChartLayer>(series.Count);
        foreach (var below in new[] { false, true })
        {
            var side = new List<ChartLayer>();
            IReadOnlyList<double[]>? sums = null;
            for (var i = 0; i < series.Count; i++)
            {
                var s = series[i];
                if (IsBelow(s) != below || s.Data.All(p => p[1] == 0))
                {
                    continue;
                }
                sums = Sum(sums, s.Data);
                side.Add(new ChartLayer(i, sums, null));
            }
            side.Reverse();
            layers.AddRange(side);
        }
        return layers;
    }

    private static bool IsBelow(ChartSeries s) => s.Direction == "in" || (s.Direction is null && s.Data.Any(p => p[1] < 0));

    private static double[][] Sum(IReadOnlyList<double[]>? below, IReadOnlyList<double[]> data) =>
        [.. data.Select((p, j) => new[] { p[0], (below is not null && j < below.Count ? below[j][1] : 0) + p[1] })];
}
