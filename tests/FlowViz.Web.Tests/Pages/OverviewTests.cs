using FlowViz.Web.Components.Pages;
using FlowViz.Web.Tests.Fakes;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;

namespace FlowViz.Web.Tests.Pages;

public class OverviewTests : WebTestContext
{
    public OverviewTests()
    {
        Queries.Totals = Sample.Totals;
        Queries.Top = Sample.Top;
        Queries.Series = Sample.Series();
    }

    [Fact]
    public void Render_Traffic_ShowsTotalsTableAndChart()
    {
        var page = Render<Overview>();

        Assert.Equal("12345", page.Find("[data-testid=total-flows]").GetAttribute("data-value"));
        Assert.Equal("67890", page.Find("[data-testid=total-packets]").GetAttribute("data-value"));
        Assert.Equal("10000", page.Find("[data-testid=total-bytes]").GetAttribute("data-value"));
        Assert.Equal(2, page.FindAll("[data-testid=top-row]").Count);
        Assert.Single(page.FindAll("[data-testid=top-other]"));
        Assert.Single(page.FindAll("[data-testid=traffic-chart]"));
        Assert.Empty(page.FindAll("[data-testid=empty-state]"));
    }

    [Fact]
    public void Render_NoTraffic_ShowsEmptyState()
    {
        Queries.Totals = TrafficTotals.Zero;
        Queries.Top = new TopResult([], TrafficTotals.Zero);

        var page = Render<Overview>();

        Assert.Equal("No flows yet: point an exporter at UDP port 2055 (see README).",
            page.Find("[data-testid=empty-state]").TextContent.Trim());
        Assert.Empty(page.FindAll("[data-testid=traffic-chart]"));
    }

    [Fact]
    public void Render_QueryFails_ShowsReadableError()
    {
        Queries.Failure = new TimeoutException("database did not answer in 30 s");

        var page = Render<Overview>();

        Assert.Equal("Could not load traffic: database did not answer in 30 s", page.Find("[data-testid=error]").TextContent);
    }

    [Fact]
    public void Render_DefaultRange_QueriesProtocolsForLastSixHoursBy60Seconds()
    {
        Render<Overview>();

        var series = Assert.Single(Queries.SeriesCalls);
        Assert.Equal(new TimeRange(Sample.Now.AddHours(-6), Sample.Now), series.Range);
        Assert.Equal(FlowDimension.Protocol, series.By);
        Assert.Equal(TrafficMetric.Bits, series.Metric);
        Assert.Equal(60, series.StepSeconds);
        Assert.Equal(10, Assert.Single(Queries.TopCalls).Limit);
    }

    [Fact]
    public void Render_MetricAndRangeInQuery_QueriesThem()
    {
        RenderAt("/?metric=packets&range=7d");

        var series = Assert.Single(Queries.SeriesCalls);
        Assert.Equal(TrafficMetric.Packets, series.Metric);
        Assert.Equal(1800, series.StepSeconds);
        Assert.Equal(TrafficMetric.Packets, Queries.TopCalls[0].OrderBy);
    }

    [Fact]
    public void Timer_RelativeRange_RefreshesWithMovedRange()
    {
        Render<Overview>();

        Clock.Advance(Overview.RefreshInterval);

        Assert.Equal(2, Queries.SummaryCalls.Count);
        Assert.Equal(Sample.Now + Overview.RefreshInterval, Queries.SummaryCalls[1].To);
    }

    [Fact]
    public void Timer_CustomRange_DoesNotRefresh()
    {
        RenderAt("/?from=2026-11-23T05:00:00Z&to=2026-11-23T06:00:00Z");

        Clock.Advance(Overview.RefreshInterval * 3);

        Assert.Single(Queries.SummaryCalls);
    }

    [Fact]
    public void Dispose_Page_StopsRefreshing()
    {
        var page = Render<Overview>();

        page.Instance.Dispose();
        Clock.Advance(Overview.RefreshInterval * 3);

        Assert.Single(Queries.SummaryCalls);
    }

    [Fact]
    public void Render_AfterFirstRender_StatesBrowserTimeZone()
    {
        var page = Render<Overview>();

        page.WaitForAssertion(() => Assert.Equal("Times in Europe/Berlin", page.Find("[data-testid=time-zone]").TextContent));
    }

    [Fact]
    public void ClickMetric_Packets_PutsItInUrlKeepingRange()
    {
        var page = RenderAt("/?range=24h");

        page.Find("[data-testid=metric-packets]").Click();

        Assert.Equal("http://localhost/?range=24h&metric=packets", Services.GetRequiredService<NavigationManager>().Uri);
    }

    [Fact]
    public void ClickMetric_Packets_ReloadsWithPacketRates()
    {
        var page = RenderAt("/?range=24h");

        page.Find("[data-testid=metric-packets]").Click();

        Assert.Equal(TrafficMetric.Packets, Queries.SeriesCalls[^1].Metric);
        Assert.Equal("packets/s", page.Find("[data-testid=traffic-chart]").GetAttribute("data-unit"));
    }

    [Fact]
    public void ClickPreset_OneHour_ReplacesCustomRangeInUrl()
    {
        var page = RenderAt("/?from=2026-11-23T05:00:00Z&to=2026-11-23T06:00:00Z&metric=flows");

        page.Find("[data-testid=range-1h]").Click();

        Assert.Equal("http://localhost/?metric=flows&range=1h", Services.GetRequiredService<NavigationManager>().Uri);
        Assert.Equal(TimeSpan.FromHours(1), Queries.SummaryCalls[^1].Duration);
    }

    private IRenderedComponent<Overview> RenderAt(string uri)
    {
        Services.GetRequiredService<NavigationManager>().NavigateTo(uri);
        return Render<Overview>();
    }
}
