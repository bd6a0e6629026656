using FlowViz.Web.Components.Charts;
using FlowViz.Web.Components.Formatting;

namespace FlowViz.Web.Tests.Components;

/// <summary>
/// The static picture of a prerendered chart: the same stacking, axis and legend as the chart apexcharts draws over it,
/// checked point by point on small hand-computed charts.
/// </summary>
public class StaticChartPictureTests
{
    private static ChartPayload Payload(bool mirrored, params ChartSeries[] series) =>
        new(320, TrafficUnits.BitsPerSecond, mirrored, "UTC", TrafficUnits.ScaleOf(TrafficUnits.BitsPerSecond), series,
            AxisFrom: 0, AxisTo: 120_000);

    private static ChartSeries Series(string name, string color, params double[] rates) =>
        new(name, name, color, [.. rates.Select((r, i) => new[] { i * 60_000.0, r })]);

    [Fact]
    public void Stacked_TwoSeries_EachABandOnTheOnesBeforeIt()
    {
        var picture = StaticChartPicture.From(Payload(false, Series("A", "#111111", 10, 20, 30), Series("B", "#222222", 5, 5, 10)))!;

        // Ticks 0..40 by 10 (the top of the stack is 40); x: 0, 1 and 2 minutes at 0, 2000 and 4000 of 4000 units.
        Assert.Equal(["0 bit/s", "10 bit/s", "20 bit/s", "30 bit/s", "40 bit/s"], picture.ValueTicks.Select(t => t.Label));
        Assert.Equal([1, 0.75, 0.5, 0.25, 0], picture.ValueTicks.Select(t => t.Position));
        // A from the axis up to 10, 20, 30; B from A's top up to 15, 25, 40, back along A's top.
        Assert.Equal("M0 750l2000 -250 2000 -250 0 750 -4000 0 z", picture.Areas[0].Path);
        Assert.Equal("M0 625l2000 -250 2000 -375 0 250 -2000 250 -2000 250 z", picture.Areas[1].Path);
        Assert.Equal(["#111111", "#222222"], picture.Areas.Select(a => a.Color));
        Assert.Equal([new LegendEntry("A", "#111111"), new LegendEntry("B", "#222222")], picture.Legend);
        Assert.Null(picture.AxisLine);
        Assert.False(picture.Opaque);
        Assert.Equal("bit/s", picture.AxisTitle);
    }

    [Fact]
    public void Mirrored_OutAboveInBelow_LayersFromTheAxisOutwardsWithMagnitudeLabels()
    {
        var picture = StaticChartPicture.From(Payload(true,
            Series("dns out", "#111111", 20, 20, 20) with { Direction = "out" },
            Series("dns in", "#111111", -20, -10, 0) with { Direction = "in" },
            Series("ssh out", "#222222", 10, 0, 10) with { Direction = "out" }))!;

        // Ticks −20..30 by 10: labels are magnitudes, the axis is 3/5 down.
        Assert.Equal(["20 bit/s", "10 bit/s", "0 bit/s", "10 bit/s", "20 bit/s", "30 bit/s"], picture.ValueTicks.Select(t => t.Label));
        Assert.Equal(0.6, picture.AxisLine!.Value, 9);
        Assert.True(picture.Opaque);
        // Outermost first: ssh out reaches dns out + ssh out (30, 20, 30), then dns out (20), then dns in below.
        Assert.Equal(["ssh out", "dns out", "dns in"], picture.Legend.Select(e => e.Name));
        Assert.Equal("M0 0l2000 200 2000 -200 0 600 -4000 0 z", picture.Areas[0].Path);
        Assert.Equal("M0 200l2000 0 2000 0 0 400 -4000 0 z", picture.Areas[1].Path);
        Assert.Equal("M0 1000l2000 -200 2000 -200 0 0 -4000 0 z", picture.Areas[2].Path);
        Assert.Equal("bit/s (out ↑, in ↓)", picture.AxisTitle);
    }

    [Fact]
    public void NoPoints_NoPicture()
    {
        Assert.Null(StaticChartPicture.From(Payload(false)));
        Assert.Null(StaticChartPicture.From(Payload(false, Series("A", "#111111"))));
    }

    [Fact]
    public void AllZero_AnAxisFromZeroToOne()
    {
        var picture = StaticChartPicture.From(Payload(false, Series("A", "#111111", 0, 0, 0)))!;

        Assert.Equal(["0 bit/s", "0.2 bit/s", "0.4 bit/s", "0.6 bit/s", "0.8 bit/s", "1 bit/s"], picture.ValueTicks.Select(t => t.Label));
        Assert.Equal("M0 1000l2000 0 2000 0 0 0 -4000 0 z", picture.Areas[0].Path);
    }

    [Theory]
    [InlineData(0, 40, new[] { 0.0, 10, 20, 30, 40 })]
    [InlineData(0, 370_000, new[] { 0.0, 100_000, 200_000, 300_000, 400_000 })]
    [InlineData(0, 1.1e9, new[] { 0.0, 250e6, 500e6, 750e6, 1e9, 1.25e9 })]
    [InlineData(-2.1e6, 5.5e6, new[] { -4e6, -2e6, 0, 2e6, 4e6, 6e6 })]
    public void ValueTicks_RoundStepsCoveringTheData(double min, double max, double[] expected) =>
        Assert.Equal(expected, ValueTicks.For(min, max));

    [Theory]
    [InlineData(2_000_000, false, "2 Mbit/s")]
    [InlineData(2_500_000, false, "2.5 Mbit/s")]
    [InlineData(250_000_000, false, "250 Mbit/s")]
    [InlineData(0, false, "0 bit/s")]
    [InlineData(12.5, false, "12.5 bit/s")]
    [InlineData(-1_500, true, "1.5 kbit/s")]
    public void AxisLabel_TrailingZerosDropped_MagnitudesWhenMirrored(double value, bool mirrored, string expected) =>
        Assert.Equal(expected, TrafficUnits.AxisLabel(value, TrafficUnits.ScaleOf(TrafficUnits.BitsPerSecond), mirrored));

    [Theory]
    [InlineData(false, null, "bit/s")]
    [InlineData(true, null, "bit/s (out ↑, in ↓)")]
    [InlineData(false, 120, "bit/s, 2 min averages")]
    [InlineData(true, 7200, "bit/s (out ↑, in ↓), 2 h averages")]
    [InlineData(false, 90, "bit/s, 90 s averages")]
    public void AxisTitle_UnitDirectionsAndAveraging(bool mirrored, int? averagedSeconds, string expected) =>
        Assert.Equal(expected, (Payload(mirrored) with { AveragedSeconds = averagedSeconds }).AxisTitle);
}
