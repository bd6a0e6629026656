using FlowViz.Core.Queries;
using FlowViz.Web.Components.Charts;

namespace FlowViz.Web.Tests.Components;

public class ChartPointsTests
{
    // 6 h of one-minute buckets and the one the range's end falls in, as the query service answers the default range.
    private static SeriesResult SixHours(Func<int, double> rate, string? direction = null) => new(60,
    [
        new TrafficSeries("6", "TCP", [.. Enumerable.Range(0, 361).Select(i => new SeriesPoint(1_700_000_100 + 60L * i, rate(i)))], direction),
    ]);

    [Fact]
    public void From_SixHoursOfMinutes_DrawsTwoMinuteAveragesAlignedToEvenMinutes()
    {
        var payload = ChartPayload.From(SixHours(i => i), "bit/s", mirrored: false, 320, "UTC");

        Assert.Equal(120, payload.AveragedSeconds);
        var data = payload.Series[0].Data;
        Assert.Equal(181, data.Count);
        Assert.All(data, p => Assert.Equal(0, p[0] / 1000 % 120));
        // 1_700_000_100 is the second minute of a two-minute bucket: alone in the first, then pairs (1, 2) → 1.5, ...
        Assert.Equal([1_700_000_040_000.0, 0], data[0]);
        Assert.Equal([1_700_000_160_000.0, 1.5], data[1]);
        Assert.Equal([1_700_021_640_000.0, 359.5], data[^1]);
    }

    [Fact]
    public void From_Averaged_KeepsTheTotalOfEachSeries()
    {
        var rates = Enumerable.Range(0, 361).Select(i => (double)(i * 7919 % 1000)).ToArray();
        var payload = ChartPayload.From(SixHours(i => rates[i]), "bit/s", mirrored: false, 320, "UTC");

        // A rate times the minutes it covers (the first drawn bucket holds one query bucket, the others two): the drawn
        // buckets carry exactly the traffic of the buckets they replace.
        var data = payload.Series[0].Data;
        var drawn = data[0][1] * 60 + data.Skip(1).Sum(p => p[1] * 120);
        Assert.Equal(rates.Sum() * 60, drawn, 6);
    }

    [Fact]
    public void From_MirroredIn_AveragesBelowTheAxis()
    {
        var payload = ChartPayload.From(SixHours(_ => 5, "in"), "bit/s", mirrored: true, 320, "UTC");

        Assert.All(payload.Series[0].Data, p => Assert.Equal(-5, p[1]));
    }

    [Fact]
    public void From_AtMostMaxPerSeries_KeepsEveryBucket()
    {
        var day = new SeriesResult(300, [new TrafficSeries("6", "TCP", [.. Enumerable.Range(0, 289).Select(i => new SeriesPoint(1_700_000_100 + 300L * i, i))])]);

        var payload = ChartPayload.From(day, "bit/s", mirrored: false, 320, "UTC");

        Assert.Null(payload.AveragedSeconds);
        Assert.Equal(289, payload.Series[0].Data.Count);
        Assert.Equal([1_700_000_100_000.0, 0], payload.Series[0].Data[0]);
    }

    [Theory]
    [InlineData(60, 360, 120)]
    [InlineData(60, 361, 120)]
    [InlineData(60, 720, 180)]
    [InlineData(60, 300, 60)]
    [InlineData(300, 288, 300)]
    public void DrawnStep_AboveTheCap_IsTheSmallestWholeMultipleThatFits(int step, int points, int expected)
    {
        Assert.Equal(expected, ChartPoints.DrawnStep(step, points));
    }
}
