using FlowViz.Web.Components.Charts;
using FlowViz.Web.Tests.Fakes;

namespace FlowViz.Web.Tests.Components;

public class MirroredChartTests : WebTestContext
{
    [Fact]
    public void Render_MirroredSplit_NegatesInSeriesAndNamesEachDirection()
    {
        Render<StackedTrafficChart>(p => p.Add(c => c.Series, SampleDirections.Series()).Add(c => c.Mirrored, true).Add(c => c.Unit, "packets/s"));

        var payload = Assert.IsType<ChartPayload>(ChartModule.VerifyInvoke("create").Arguments[1]);
        Assert.True(payload.Mirrored);
        Assert.Equal(["dns out", "dns in", "ssh out", "ssh in", "ssh internal/transit", "Other out"], payload.Series.Select(s => s.Name));
        Assert.Equal(["out", "in", "out", "in", "other", "out"], payload.Series.Select(s => s.Direction));
        Assert.Equal([[1_700_000_000_000.0, 100], [1_700_000_060_000.0, 300]], payload.Series[0].Data);
        Assert.Equal([[1_700_000_000_000.0, -50], [1_700_000_060_000.0, -50]], payload.Series[1].Data);
        Assert.Equal([-200.0, 0], payload.Series[3].Data.Select(p => p[1]));
        Assert.Equal([10.0, 10], payload.Series[4].Data.Select(p => p[1]));
        Assert.Equal(payload.Series[0].Color, payload.Series[1].Color); // a key keeps its colour in both directions
        Assert.Equal(SeriesColors.Other, payload.Series[5].Color);
        Assert.Equal("packets/s", payload.Unit);
    }

    [Fact]
    public void Render_SplitNotMirrored_KeepsRatesPositive()
    {
        Render<StackedTrafficChart>(p => p.Add(c => c.Series, SampleDirections.Series()));

        var payload = Assert.IsType<ChartPayload>(ChartModule.VerifyInvoke("create").Arguments[1]);
        Assert.False(payload.Mirrored);
        Assert.All(payload.Series.SelectMany(s => s.Data), point => Assert.True(point[1] >= 0));
        Assert.Equal("dns in", payload.Series[1].Name);
    }

    [Fact]
    public void Render_MirroredTurnedOn_UpdatesWithNegatedIn()
    {
        var chart = Render<StackedTrafficChart>(p => p.Add(c => c.Series, SampleDirections.Series()));

        chart.Render(p => p.Add(c => c.Mirrored, true));

        var payload = Assert.IsType<ChartPayload>(ChartModule.VerifyInvoke("update").Arguments[1]);
        Assert.Equal(-50, payload.Series[1].Data[0][1]);
    }

    [Fact]
    public void Render_SameRatesOtherDirection_Updates()
    {
        var before = new SeriesResult(60, [SampleDirections.Split("dns", "dns", "out", 1, 2)]);
        var after = new SeriesResult(60, [SampleDirections.Split("dns", "dns", "in", 1, 2)]);
        var chart = Render<StackedTrafficChart>(p => p.Add(c => c.Series, before).Add(c => c.Mirrored, true));

        chart.Render(p => p.Add(c => c.Series, after));

        var payload = Assert.IsType<ChartPayload>(ChartModule.VerifyInvoke("update").Arguments[1]);
        Assert.Equal([-1.0, -2], payload.Series[0].Data.Select(p => p[1]));
    }

    [Fact]
    public void Render_UnsplitSeries_NamedByLabelOnly()
    {
        Render<StackedTrafficChart>(p => p.Add(c => c.Series, Sample.Series()).Add(c => c.Mirrored, true));

        var payload = Assert.IsType<ChartPayload>(ChartModule.VerifyInvoke("create").Arguments[1]);
        Assert.Equal(["TCP", "Other"], payload.Series.Select(s => s.Name));
        Assert.All(payload.Series, s => Assert.Null(s.Direction));
        Assert.Equal(8_000, payload.Series[0].Data[0][1]);
    }
}
