using FlowViz.Web.Components.Charts;
using FlowViz.Web.Components.Formatting;
using FlowViz.Web.Tests.Fakes;
using Microsoft.JSInterop;

namespace FlowViz.Web.Tests.Components;

public class StackedTrafficChartTests : WebTestContext
{
    [Fact]
    public void Render_FirstTime_CreatesChartWithSeriesPointsAndUnits()
    {
        Render<StackedTrafficChart>(p => p
            .Add(c => c.Series, Sample.Series())
            .Add(c => c.Unit, TrafficUnits.BitsPerSecond)
            .Add(c => c.TimeZone, "Europe/Berlin"));

        var payload = Assert.IsType<ChartPayload>(ChartModule.VerifyInvoke("create").Arguments[1]);
        Assert.Equal(["TCP", "Other"], payload.Series.Select(s => s.Name));
        Assert.Equal([1_700_000_000_000.0, 8_000], payload.Series[0].Data[0]);
        Assert.Equal(SeriesColors.Other, payload.Series[1].Color);
        Assert.Equal("bit/s", payload.Unit);
        Assert.Equal(" Mbit/s", payload.Scale[2].Suffix);
        Assert.Equal("Europe/Berlin", payload.TimeZone);
    }

    [Fact]
    public void Render_EqualDataAgain_DoesNotUpdate()
    {
        var chart = Render<StackedTrafficChart>(p => p.Add(c => c.Series, Sample.Series()));

        chart.Render(p => p.Add(c => c.Series, Sample.Series()));

        Assert.Empty(ChartModule.Invocations["update"]);
    }

    [Fact]
    public void Render_ChangedData_UpdatesOnce()
    {
        var chart = Render<StackedTrafficChart>(p => p.Add(c => c.Series, Sample.Series()));

        chart.Render(p => p.Add(c => c.Series, Sample.Series(tcpRate: 9_000)));

        var payload = Assert.IsType<ChartPayload>(ChartModule.VerifyInvoke("update").Arguments[1]);
        Assert.Equal(9_000, payload.Series[0].Data[0][1]);
    }

    [Fact]
    public void Render_ChangedUnit_Updates()
    {
        var chart = Render<StackedTrafficChart>(p => p.Add(c => c.Series, Sample.Series()));

        chart.Render(p => p.Add(c => c.Unit, TrafficUnits.PacketsPerSecond));

        var payload = Assert.IsType<ChartPayload>(ChartModule.VerifyInvoke("update").Arguments[1]);
        Assert.Equal("k packets/s", payload.Scale[1].Suffix);
    }

    [Fact]
    public void Markup_Always_HasTestIdAndUnit()
    {
        var chart = Render<StackedTrafficChart>(p => p.Add(c => c.Series, Sample.Series()).Add(c => c.Unit, "flows/s"));

        var element = chart.Find("[data-testid=traffic-chart]");
        Assert.Equal("flows/s", element.GetAttribute("data-unit"));
    }

    [Fact]
    public async Task DisposeAsync_Rendered_DestroysChart()
    {
        var chart = Render<StackedTrafficChart>(p => p.Add(c => c.Series, Sample.Series()));

        await chart.Instance.DisposeAsync();

        ChartModule.VerifyInvoke("destroy");
    }

    [Fact]
    public async Task DisposeAsync_CircuitGone_DoesNotThrow()
    {
        ChartModule.SetupVoid("destroy", _ => true).SetException(new JSDisconnectedException("circuit closed"));
        var chart = Render<StackedTrafficChart>(p => p.Add(c => c.Series, Sample.Series()));

        await chart.Instance.DisposeAsync();
    }

    [Fact]
    public void Render_Mirrored_PassesFlagAndNegativeRates()
    {
        var series = new SeriesResult(60, [new TrafficSeries("in", "In", [new SeriesPoint(1_700_000_000, -3_000_000)])]);

        Render<StackedTrafficChart>(p => p.Add(c => c.Series, series).Add(c => c.Mirrored, true));

        var payload = Assert.IsType<ChartPayload>(ChartModule.VerifyInvoke("create").Arguments[1]);
        Assert.True(payload.Mirrored);
        Assert.Equal(-3_000_000, payload.Series[0].Data[0][1]);
    }

    [Fact]
    public async Task DisposeAsync_Twice_DestroysOnce()
    {
        var chart = Render<StackedTrafficChart>(p => p.Add(c => c.Series, Sample.Series()));

        await chart.Instance.DisposeAsync();
        await chart.Instance.DisposeAsync();

        Assert.Single(ChartModule.Invocations["destroy"]);
    }

    private static readonly TimeRange SixHours = new(Sample.Now.AddHours(-6), Sample.Now);

    [Fact]
    public void Render_WithRangeAndZoom_SendsAxisBoundsAndCallbackReference()
    {
        Render<StackedTrafficChart>(p => p
            .Add(c => c.Series, Sample.Series())
            .Add(c => c.Range, SixHours)
            .Add(c => c.Zoomed, (TimeRange _) => { }));

        var create = ChartModule.VerifyInvoke("create");
        var payload = Assert.IsType<ChartPayload>(create.Arguments[1]);
        Assert.True(payload.Zoomable);
        Assert.Equal(SixHours.From.ToUnixTimeMilliseconds(), payload.AxisFrom);
        Assert.Equal(SixHours.To.ToUnixTimeMilliseconds(), payload.AxisTo);
        Assert.IsType<DotNetObjectReference<StackedTrafficChart>>(create.Arguments[2]);
    }

    [Fact]
    public void Render_WithoutZoomCallback_IsNotZoomable()
    {
        Render<StackedTrafficChart>(p => p.Add(c => c.Series, Sample.Series()));

        var payload = Assert.IsType<ChartPayload>(ChartModule.VerifyInvoke("create").Arguments[1]);
        Assert.False(payload.Zoomable);
        Assert.Null(payload.AxisFrom);
    }

    [Fact]
    public async Task OnZoomedAsync_Drag_ReportsDraggedRange()
    {
        TimeRange? zoomed = null;
        var chart = Render<StackedTrafficChart>(p => p.Add(c => c.Series, Sample.Series()).Add(c => c.Zoomed, (TimeRange r) => zoomed = r));

        await chart.InvokeAsync(() => chart.Instance.OnZoomedAsync(1_700_000_000, 1_700_003_600));

        Assert.Equal(new TimeRange(DateTimeOffset.FromUnixTimeSeconds(1_700_000_000), DateTimeOffset.FromUnixTimeSeconds(1_700_003_600)), zoomed);
    }

    [Fact]
    public async Task OnZoomedAsync_NarrowDrag_WidensToMinimumAroundItsMiddle()
    {
        TimeRange? zoomed = null;
        var chart = Render<StackedTrafficChart>(p => p.Add(c => c.Series, Sample.Series()).Add(c => c.Zoomed, (TimeRange r) => zoomed = r));

        await chart.InvokeAsync(() => chart.Instance.OnZoomedAsync(1_700_000_000, 1_700_000_060));

        Assert.Equal(StackedTrafficChart.MinimumZoom, zoomed!.Value.Duration);
        Assert.Equal(DateTimeOffset.FromUnixTimeSeconds(1_700_000_030), zoomed.Value.From + zoomed.Value.Duration / 2);
    }

    [Fact]
    public void Render_RangeMoved_UpdatesAxisBounds()
    {
        var chart = Render<StackedTrafficChart>(p => p.Add(c => c.Series, Sample.Series()).Add(c => c.Range, SixHours));
        var moved = new TimeRange(SixHours.From.AddSeconds(10), SixHours.To.AddSeconds(10));

        chart.Render(p => p.Add(c => c.Range, moved));

        var payload = Assert.IsType<ChartPayload>(ChartModule.VerifyInvoke("update").Arguments[1]);
        Assert.Equal(moved.To.ToUnixTimeMilliseconds(), payload.AxisTo);
    }

    [Fact]
    public void Markup_Zoomable_SaysHowToZoom()
    {
        var chart = Render<StackedTrafficChart>(p => p.Add(c => c.Series, Sample.Series()).Add(c => c.Zoomed, (TimeRange _) => { }));

        Assert.EndsWith("drag across it to zoom", chart.Find("[data-testid=traffic-chart]").GetAttribute("aria-label"), StringComparison.Ordinal);
    }
}
