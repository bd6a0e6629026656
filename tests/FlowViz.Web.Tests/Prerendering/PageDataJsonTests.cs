using System.Text.Json;
using FlowViz.Web.Components.Pages;
using FlowViz.Web.Components.Prerendering;
using FlowViz.Web.Components.Traffic;
using FlowViz.Web.Tests.Fakes;

namespace FlowViz.Web.Tests.Prerendering;

/// <summary>The page data the prerender carries: a JSON value inside the state (not a string escaped once more), bounded in size.</summary>
public class PageDataJsonTests
{
    private static OverviewData Overview(int points) => new(
        new TimeRange(Sample.Now.AddHours(-6), Sample.Now), Sample.Totals, new TopResult([], TrafficTotals.Zero),
        [new MetricSeries(MetricChoice.Bits, new SeriesResult(60, [new TrafficSeries("6", "TCP",
            [.. Enumerable.Range(0, points).Select(i => new SeriesPoint(1_700_000_000 + 60 * i, 1_000 + i))])]))]);

    [Fact]
    public void PersistedLoad_AsBlazorWritesIt_HoldsTheDataUnescaped()
    {
        var data = Overview(points: 10);
        var load = new PrerenderedLoad("http://localhost/", PageDataJson.ToElement(data)!.Value);

        // Blazor's persistent state writes the record with the web defaults; a string member would come out as "{\u0022range\u0022…".
        var state = JsonSerializer.Serialize(load, JsonSerializerOptions.Web);

        Assert.DoesNotContain(@"\u0022", state, StringComparison.Ordinal);
        var unescaped = PageDataJson.ToElement(data)!.Value.GetRawText().Length + """{"uri":"http://localhost/","data":}""".Length;
        Assert.InRange(state.Length, unescaped, unescaped + 16); // the two times' "+" come out as \u002B
        var back = PageDataJson.FromElement<OverviewData>(JsonSerializer.Deserialize<PrerenderedLoad>(state, JsonSerializerOptions.Web)!.Data);
        Assert.Equal(data.Charts[0].Series.Series[0].Points, back!.Charts[0].Series.Series[0].Points);
        Assert.Equal(data.Range, back.Range);
    }

    [Fact]
    public void ToElement_SeriesPoints_AsPairsThatReadBack()
    {
        var data = Overview(points: 2) with { Charts = [new MetricSeries(MetricChoice.Bits, new SeriesResult(60,
            [new TrafficSeries("6", "TCP", [new SeriesPoint(1_700_000_000, 1.5), new SeriesPoint(1_700_000_060, double.NaN)])]))] };

        var json = PageDataJson.ToElement(data)!.Value.GetRawText();

        Assert.Contains("""[[1700000000,1.5],[1700000060,"NaN"]]""", json, StringComparison.Ordinal);
        var back = PageDataJson.FromElement<OverviewData>(JsonDocument.Parse(json).RootElement)!.Charts[0].Series.Series[0].Points;
        Assert.Equal(new SeriesPoint(1_700_000_000, 1.5), back[0]);
        Assert.True(double.IsNaN(back[1].Rate));
    }

    [Fact]
    public void FromElement_PointNotAPair_Throws()
    {
        var json = PageDataJson.ToElement(Overview(points: 1))!.Value.GetRawText().Replace("[1700000000,1000]", "[1700000000]", StringComparison.Ordinal);

        Assert.Throws<JsonException>(() => PageDataJson.FromElement<OverviewData>(JsonDocument.Parse(json).RootElement));
    }

    [Fact]
    public void ToElement_LargerThanTheLimit_Null()
    {
        Assert.NotNull(PageDataJson.ToElement(Overview(points: 100)));
        Assert.Null(PageDataJson.ToElement(Overview(points: 30_000)));
    }
}
