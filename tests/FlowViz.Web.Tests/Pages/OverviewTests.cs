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
        Assert.Equal(["bit/s", "packets/s", "flows/s"], page.FindAll("[data-testid=traffic-chart]").Select(c => c.GetAttribute("data-unit")));
        Assert.Empty(page.FindAll("[data-testid=empty-state]"));
    }

    [Fact]
    public void Render_NoTraffic_ShowsEmptyState()
    {
        Queries.Totals = TrafficTotals.Zero;
        Queries.Top = new TopResult([], TrafficTotals.Zero);

        var page = Render<Overview>();

        Assert.Equal("No flows yet: point an exporter at UDP port 2055 (see README), or choose a longer range.",
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

        Assert.Equal([TrafficMetric.Bits, TrafficMetric.Packets, TrafficMetric.Flows], Queries.SeriesCalls.Select(q => q.Metric));
        Assert.All(Queries.SeriesCalls, series =>
        {
            Assert.Equal(new TimeRange(Sample.Now.AddHours(-6), Sample.Now), series.Range);
            Assert.Equal(FlowDimension.Protocol, series.By);
            Assert.Equal(60, series.StepSeconds);
            Assert.Null(series.Filter);
        });
        Assert.Equal(10, Assert.Single(Queries.TopCalls).Limit);
    }

    [Fact]
    public void Render_MetricAndRangeInQuery_QueriesThem()
    {
        var page = RenderAt("/?metric=packets&range=7d");

        Assert.All(Queries.SeriesCalls, series => Assert.Equal(3600, series.StepSeconds));
        Assert.Equal(TrafficMetric.Packets, Queries.TopCalls[0].OrderBy);
        Assert.Contains("main-chart", page.Find("[data-testid=chart-packets]").ClassList);
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
    public void Timer_BrowserGone_DoesNotQuery()
    {
        Render<Overview>();

        Connection.MarkLost();
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
    public void Render_UtcInUrl_ChartsAndNoteInUtc()
    {
        var page = RenderAt("/?tz=utc");

        page.WaitForAssertion(() => Assert.Equal("Times in UTC", page.Find("[data-testid=time-zone]").TextContent));
        Assert.All(ChartModule.Invocations["create"], c => Assert.Equal("UTC", Assert.IsType<FlowViz.Web.Components.Charts.ChartPayload>(c.Arguments[1]).TimeZone));
    }

    [Fact]
    public void ClickUtc_PutsZoneInUrlKeepingTheRest()
    {
        var page = RenderAt("/?range=1h");

        page.Find("[data-testid=zone-utc]").Click();

        Assert.Equal("http://localhost/?range=1h&tz=utc", Services.GetRequiredService<NavigationManager>().Uri);
    }

    [Fact]
    public void Render_FilterInUrl_AppliesItToEveryQuery()
    {
        RenderAt("/?filter=proto%20udp%20and%20port%2053");

        var expected = Core.Filtering.FilterParser.Parse("proto udp and port 53");
        Assert.Equal(expected, Assert.Single(Queries.SummaryQueries).Filter);
        Assert.Equal(expected, Assert.Single(Queries.TopCalls).Filter);
        Assert.All(Queries.SeriesCalls, q => Assert.Equal(expected, q.Filter));
    }

    [Fact]
    public void Render_BadFilterInUrl_ShowsWhereAndQueriesNothing()
    {
        var page = RenderAt("/?filter=dst%20port%20https");

        Assert.Equal("9", page.Find("[data-testid=filter-error]").GetAttribute("data-position"));
        Assert.StartsWith("The filter in the address does not parse:", page.Find("[data-testid=error]").TextContent, StringComparison.Ordinal);
        Assert.Empty(Queries.SummaryQueries);
        Assert.Empty(page.FindAll("[data-testid=traffic-chart]"));
    }

    [Fact]
    public void SubmitFilter_Good_PutsItInUrlAndReloadsFiltered()
    {
        var page = RenderAt("/?range=1h");

        page.Find("[data-testid=filter-input]").Input("proto tcp");
        page.Find("[data-testid=filter-box]").Submit();

        Assert.Equal("http://localhost/?range=1h&filter=proto%20tcp", Services.GetRequiredService<NavigationManager>().Uri);
        Assert.Equal(Core.Filtering.FilterParser.Parse("proto tcp"), Queries.SummaryQueries[^1].Filter);
    }

    [Fact]
    public void Render_FilterMatchesNothing_SaysSoInsteadOfNoFlowsYet()
    {
        Queries.Totals = TrafficTotals.Zero;

        var page = RenderAt("/?filter=proto%20gre");

        Assert.StartsWith("No flows match this filter", page.Find("[data-testid=empty-state]").TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Zoom_OnAChart_PutsFixedRangeInUrl()
    {
        var page = RenderAt("/?range=24h&metric=flows");
        var chart = page.FindComponents<FlowViz.Web.Components.Charts.StackedTrafficChart>()[0];

        await chart.InvokeAsync(() => chart.Instance.OnZoomedAsync(Sample.Now.AddHours(-3).ToUnixTimeSeconds(), Sample.Now.AddHours(-2).ToUnixTimeSeconds()));

        Assert.Equal("http://localhost/?metric=flows&from=2026-11-23T09%3A00%3A00Z&to=2026-11-23T10%3A00%3A00Z",
            Services.GetRequiredService<NavigationManager>().Uri);
        Assert.Equal(new TimeRange(Sample.Now.AddHours(-3), Sample.Now.AddHours(-2)), Queries.SeriesCalls[^1].Range);
    }

    [Fact]
    public void Timer_Refresh_UpdatesChartsWithoutRecreatingThem()
    {
        var page = Render<Overview>();
        page.WaitForAssertion(() => Assert.Equal("Times in Europe/Berlin", page.Find("[data-testid=time-zone]").TextContent));
        var updatesBefore = ChartModule.Invocations["update"].Count;
        Queries.Series = Sample.Series(tcpRate: 9_999);

        Clock.Advance(Overview.RefreshInterval);

        page.WaitForAssertion(() => Assert.Equal(updatesBefore + 3, ChartModule.Invocations["update"].Count));
        Assert.Equal(3, ChartModule.Invocations["create"].Count);
        var payload = Assert.IsType<FlowViz.Web.Components.Charts.ChartPayload>(ChartModule.Invocations["update"][^1].Arguments[1]);
        Assert.Equal(9_999, payload.Series[0].Data[0][1]);
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

        Assert.Equal(TrafficMetric.Packets, Queries.TopCalls[^1].OrderBy);
        Assert.Contains("main-chart", page.Find("[data-testid=chart-packets]").ClassList);
        Assert.Contains("side-chart", page.Find("[data-testid=chart-bits]").ClassList);
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
