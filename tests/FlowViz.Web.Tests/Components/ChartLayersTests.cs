using FlowViz.Web.Components.Charts;

namespace FlowViz.Web.Tests.Components;

/// <summary>
/// The stacking of the static chart picture. The mirrored cases are wwwroot-assets/test/mirrored-layers.test.js's, for
/// the chart module's mirroredLayers: the picture and the chart drawn over it must stack alike.
/// </summary>
public class ChartLayersTests
{
    private static ChartSeries S(string name, string? direction, params double[] rates) =>
        new(name, name, "#000000", [.. rates.Select((r, i) => new[] { i * 60.0, r })], direction);

    private static readonly ChartSeries[] Split =
    [
        S("dns out", "out", 10, 20),
        S("dns in", "in", -1, -2),
        S("ssh out", "out", 0, 0),
        S("ssh in", "in", -3, -4),
        S("ssh internal/transit", "other", 7, 7),
    ];

    /// <summary>"source: upper edge's rates" per layer.</summary>
    private static string[] Shape(IReadOnlyList<ChartLayer> layers) =>
        [.. layers.Select(l => $"{l.Source}: {string.Join(' ', l.Upper.Select(p => p[1]))}")];

    [Fact]
    public void Mirrored_EachSideSummedFromTheAxisOutwards_OutermostFirst()
    {
        var withSshOut = Split.Select(s => s.Name == "ssh out" ? S("ssh out", "out", 5, 1) : s).ToArray();

        var layers = ChartLayers.Mirrored(withSshOut);

        Assert.Equal(["4: 22 28", "2: 15 21", "0: 10 20", "3: -4 -6", "1: -1 -2"], Shape(layers));
        Assert.All(layers, l => Assert.Null(l.Lower));
        Assert.Equal([0.0, 60], layers[0].Upper.Select(p => p[0]));
    }

    [Fact]
    public void Mirrored_UnsplitNegativeSeriesBelowTheAxis() =>
        Assert.Equal(["1: 2", "0: -5"], Shape(ChartLayers.Mirrored([S("a", null, -5), S("b", null, 2)])));

    [Fact]
    public void Mirrored_SeriesZeroThroughoutLeftOut()
    {
        var layers = ChartLayers.Mirrored(Split);

        Assert.Equal([4, 0, 3, 1], layers.Select(l => l.Source));
        Assert.Equal([17.0, 27], layers[0].Upper.Select(p => p[1]));
    }

    [Fact]
    public void Stacked_EachSeriesABandOnThePreviousOnesTop()
    {
        var layers = ChartLayers.Stacked([S("a", null, 1, 2), S("b", null, 0, 0), S("c", null, 4, 8)]);

        Assert.Equal(["0: 1 2", "1: 1 2", "2: 5 10"], Shape(layers));
        Assert.Null(layers[0].Lower);
        Assert.Same(layers[1].Upper, layers[2].Lower);
    }
}
