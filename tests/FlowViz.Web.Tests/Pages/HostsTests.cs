using FlowViz.Core.Filtering;
using FlowViz.Web.Components.Pages;
using FlowViz.Web.Tests.Fakes;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;

namespace FlowViz.Web.Tests.Pages;

public class HostsTests : WebTestContext
{
    public HostsTests()
    {
        Queries.Top = new TopResult([new TopRow("10.0.0.1", "10.0.0.1", 3, 30, 3_000), new TopRow("2001:db8::1", "2001:db8::1", 1, 1, 100)], new TrafficTotals(1, 1, 10));
        Queries.Series = new SeriesResult(60, [SampleDirections.Split("10.0.0.1", "10.0.0.1", "out", 25, 25)]);
    }

    [Fact]
    public void Render_Default_TopAndSplitOfLocalHostsByTheSameMetric()
    {
        var page = Render<Hosts>();

        var top = Assert.Single(Queries.TopCalls);
        Assert.Equal(FlowDimension.LocalHost, top.By);
        Assert.Equal(TrafficMetric.Bytes, top.OrderBy);
        Assert.Equal(Hosts.TopLimit, top.Limit);
        var split = Assert.Single(Queries.SeriesCalls);
        Assert.Equal((FlowDimension.LocalHost, TrafficMetric.Bytes, SeriesSplit.Direction, Hosts.TopLimit), (split.By, split.Metric, split.Split, split.Limit));
        Assert.Equal(["10.0.0.1", "2001:db8::1"], page.FindAll("[data-testid=host-row]").Select(r => r.GetAttribute("data-key")));
        Assert.Equal("3000", page.Find("[data-key='10.0.0.1'] td").GetAttribute("data-value")); // out: 25 + 25 B/s × 60 s
    }

    [Fact]
    public void Render_HostLinks_KeepTheQueryAndEscapeIPv6()
    {
        Services.GetRequiredService<NavigationManager>().NavigateTo("/hosts?range=6h&metric=packets");

        var page = Render<Hosts>();

        Assert.Equal(["hosts/10.0.0.1?range=6h&metric=packets", "hosts/2001%3Adb8%3A%3A1?range=6h&metric=packets"],
            page.FindAll("[data-testid=host-link]").Select(a => a.GetAttribute("href")));
        Assert.Equal(TrafficMetric.Packets, Assert.Single(Queries.TopCalls).OrderBy);
    }

    [Fact]
    public void Render_Filter_GoesToBothQueries()
    {
        Services.GetRequiredService<NavigationManager>().NavigateTo("/hosts?filter=app%20dns");

        Render<Hosts>();

        Assert.Equal(FilterParser.Parse("app dns"), Assert.Single(Queries.TopCalls).Filter);
        Assert.Equal(FilterParser.Parse("app dns"), Assert.Single(Queries.SeriesCalls).Filter);
    }

    [Fact]
    public void Render_NoTraffic_ShowsWhatToDo()
    {
        Queries.Top = new TopResult([], TrafficTotals.Zero);

        var page = Render<Hosts>();

        Assert.Contains("point an exporter at UDP port 2055", page.Find("[data-testid=empty-state]").TextContent, StringComparison.Ordinal);
    }
}
