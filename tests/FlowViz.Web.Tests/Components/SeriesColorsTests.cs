using FlowViz.Web.Components.Charts;

namespace FlowViz.Web.Tests.Components;

public class SeriesColorsTests
{
    [Fact]
    public void For_SameKey_SameColour() => Assert.Equal(SeriesColors.For("6"), SeriesColors.For("6"));

    [Fact]
    public void For_Other_IsGrey() => Assert.Equal(SeriesColors.Other, SeriesColors.For(TrafficSeries.OtherKey));

    [Fact]
    public void For_CommonProtocols_NeverGrey() =>
        Assert.All(new[] { "1", "6", "17", "47", "50", "58" }, key => Assert.NotEqual(SeriesColors.Other, SeriesColors.For(key)));

    [Fact]
    public void For_TcpAndUdp_DifferentColours() => Assert.NotEqual(SeriesColors.For("6"), SeriesColors.For("17"));

    [Fact]
    public void For_TcpAndUdp_HuesAtLeast90DegreesApart() =>
        Assert.True(HueDistance(SeriesColors.For("6"), SeriesColors.For("17")) >= 90);

    [Fact]
    public void For_CommonProtocols_HuesAtLeast20DegreesApart()
    {
        var colours = new[] { "1", "6", "17", "47", "50", "58" }.Select(SeriesColors.For).ToArray();
        for (var i = 0; i < colours.Length; i++)
        {
            for (var j = i + 1; j < colours.Length; j++)
            {
                Assert.True(HueDistance(colours[i], colours[j]) >= 20, $"{colours[i]} vs {colours[j]}");
            }
        }
    }

    [Fact]
    public void For_CommonProtocols_MidToneForBothThemes() =>
        Assert.All(new[] { "1", "6", "17", "47", "50", "58" }, key =>
        {
            // Neither near-black (lost on the dark theme) nor near-white (lost on the light one).
            var luminance = RelativeLuminance(SeriesColors.For(key));
            Assert.InRange(luminance, 0.12, 0.55);
        });

    private static (double R, double G, double B) Rgb(string hex) =>
        (Convert.ToInt32(hex[1..3], 16) / 255.0, Convert.ToInt32(hex[3..5], 16) / 255.0, Convert.ToInt32(hex[5..7], 16) / 255.0);

    private static double Hue(string hex)
    {
        var (r, g, b) = Rgb(hex);
        var max = Math.Max(r, Math.Max(g, b));
        var delta = max - Math.Min(r, Math.Min(g, b));
        var hue = delta == 0 ? 0 : max == r ? 60 * ((g - b) / delta % 6) : max == g ? 60 * ((b - r) / delta + 2) : 60 * ((r - g) / delta + 4);
        return hue < 0 ? hue + 360 : hue;
    }

    private static double HueDistance(string a, string b)
    {
        var d = Math.Abs(Hue(a) - Hue(b));
        return Math.Min(d, 360 - d);
    }

    // WCAG 2 relative luminance.
    private static double RelativeLuminance(string hex)
    {
        static double Linear(double c) => c <= 0.03928 ? c / 12.92 : Math.Pow((c + 0.055) / 1.055, 2.4);
        var (r, g, b) = Rgb(hex);
        return 0.2126 * Linear(r) + 0.7152 * Linear(g) + 0.0722 * Linear(b);
    }
}
