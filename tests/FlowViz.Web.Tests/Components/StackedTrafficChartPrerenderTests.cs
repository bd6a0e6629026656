using System.Text.Json;
using FlowViz.Web.Components.Charts;
using FlowViz.Web.Components.Formatting;
using FlowViz.Web.Tests.Fakes;
using Microsoft.AspNetCore.Components;

namespace FlowViz.Web.Tests.Components;

/// <summary>
/// The prerendered chart: its container carries the payload (data-prerendered) from which flowviz-chart.js draws it
/// before the circuit is up, in the very shape JS interop sends to create() (the module compares the two to adopt the
/// drawn chart without redrawing it); the interactive render leaves it out.
/// </summary>
public class StackedTrafficChartPrerenderTests : WebTestContext
{
    // Microsoft.JSInterop's serializer: camelCase names, nulls written.
    private static readonly JsonSerializerOptions InteropJson = new() { PropertyNamingPolicy = JsonNamingPolicy.CamelCase };

    private static readonly TimeRange SixHours = new(Sample.Now.AddHours(-6), Sample.Now);

    [Fact]
    public void Prerender_Always_CarriesSeriesUnitZoneAndRangeInTheContainer()
    {
        SetRendererInfo(new RendererInfo("Static", isInteractive: false));

        var chart = Render<StackedTrafficChart>(p => p
            .Add(c => c.Series, Sample.Series())
            .Add(c => c.Unit, TrafficUnits.PacketsPerSecond)
            .Add(c => c.TimeZone, "Europe/Berlin")
            .Add(c => c.Range, SixHours)
            .Add(c => c.Zoomed, (TimeRange _) => { }));

        using var payload = JsonDocument.Parse(chart.Find("[data-testid=traffic-chart]").GetAttribute("data-prerendered")!);
        var root = payload.RootElement;
        Assert.Equal("packets/s", root.GetProperty("unit").GetString());
        Assert.Equal("Europe/Berlin", root.GetProperty("timeZone").GetString());
        Assert.Equal(SixHours.From.ToUnixTimeMilliseconds(), root.GetProperty("axisFrom").GetDouble());
        Assert.True(root.GetProperty("zoomable").GetBoolean());
        Assert.Equal(["TCP", "Other"], root.GetProperty("series").EnumerateArray().Select(s => s.GetProperty("name").GetString()));
        var point = root.GetProperty("series")[0].GetProperty("data")[0];
        Assert.Equal([1_700_000_000_000.0, 8_000], point.EnumerateArray().Select(v => v.GetDouble()));
        Assert.Equal("k packets/s", root.GetProperty("scale")[1].GetProperty("suffix").GetString());
    }

    [Fact]
    public void Prerender_MirroredChart_CarriesWhatCreateReceives()
    {
        SetRendererInfo(new RendererInfo("Static", isInteractive: false));

        var chart = Render<StackedTrafficChart>(p => p
            .Add(c => c.Series, SampleDirections.Series())
            .Add(c => c.Mirrored, true)
            .Add(c => c.Range, SixHours));

        // bUnit runs OnAfterRender even for a static render: its create() shows what the interactive render would send.
        var created = Assert.IsType<ChartPayload>(ChartModule.VerifyInvoke("create").Arguments[1]);
        Assert.Equal(JsonSerializer.Serialize(created, InteropJson),
            chart.Find("[data-testid=traffic-chart]").GetAttribute("data-prerendered"));
        Assert.Contains(created.Series, s => s.Data.Any(p => p[1] < 0)); // the in-series negated, as drawn
    }

    [Fact]
    public void Prerender_Always_DrawsTheSameChartAsAStaticPicture()
    {
        SetRendererInfo(new RendererInfo("Static", isInteractive: false));

        var chart = Render<StackedTrafficChart>(p => p
            .Add(c => c.Series, Sample.Series())
            .Add(c => c.Height, 240)
            .Add(c => c.Range, SixHours));

        var picture = chart.Find("[data-testid=traffic-chart] > .traffic-chart-static");
        Assert.Contains("height: 240px", picture.GetAttribute("style"), StringComparison.Ordinal);
        Assert.Equal("true", picture.GetAttribute("aria-hidden")); // the container, role="img", names the chart
        Assert.Equal([SeriesColors.For("6"), SeriesColors.Other],
            chart.FindAll("path.traffic-chart-static-area").Select(a => a.GetAttribute("fill")));
        Assert.Equal(["TCP", "Other"], chart.FindAll(".static-legend li").Select(li => li.TextContent));
        Assert.Equal("bit/s", chart.Find(".static-title").TextContent);
        // TCP's 2 Mbit/s on top of Other's 0: the axis reaches 2 Mbit/s in 0.5 Mbit/s steps.
        Assert.Equal(["0 bit/s", "500 kbit/s", "1 Mbit/s", "1.5 Mbit/s", "2 Mbit/s"], chart.FindAll(".static-values span:not(.sizer)").Select(s => s.TextContent));
        Assert.Equal(StaticChartPicture.ViewBox, chart.Find("svg.traffic-chart-static-plot").GetAttribute("viewBox"));
    }

    [Fact]
    public void InteractiveRender_Always_LeavesThePayloadToCreate()
    {
        var chart = Render<StackedTrafficChart>(p => p.Add(c => c.Series, Sample.Series()));

        Assert.False(chart.Find("[data-testid=traffic-chart]").HasAttribute("data-prerendered"));
        Assert.Empty(chart.FindAll(".traffic-chart-static"));
        ChartModule.VerifyInvoke("create");
    }
}
