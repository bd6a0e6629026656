using FlowViz.Core.Filtering;
using FlowViz.Core.Interfaces;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;
using InterfacesPage = FlowViz.Web.Components.Pages.Interfaces;

namespace FlowViz.Web.Tests.Pages;

public class InterfacesTests : WebTestContext
{
    public InterfacesTests()
    {
        InterfaceCatalog.Add("192.0.2.1", 1, "et-0/0/1", new InterfaceClass("transit", "ntt", "external"), 10_000_000, "sflow", "flows");
        InterfaceCatalog.Add("192.0.2.1", 2, "ae2", null);
        Queries.TopBy[FlowDimension.InputInterface] = new([new TopRow("192.0.2.1/1", "x", 1, 1, 4_500_000), new TopRow("192.0.2.1/7", "x", 1, 1, 100)], TrafficTotals.Zero);
        Queries.TopBy[FlowDimension.OutputInterface] = new([new TopRow("192.0.2.1/1", "x", 1, 1, 900)], TrafficTotals.Zero);
    }

    private IRenderedComponent<InterfacesPage> RenderAt(string uri)
    {
        Services.GetRequiredService<NavigationManager>().NavigateTo(uri);
        return Render<InterfacesPage>();
    }

    [Fact]
    public void Render_CatalogueAndTraffic_RowPerInterfaceUnclassifiedWithTrafficFirst()
    {
        var page = RenderAt("/interfaces?range=1h");

        Assert.Equal([FlowDimension.InputInterface, FlowDimension.OutputInterface], Queries.TopCalls.Select(q => q.By));
        Assert.All(Queries.TopCalls, q => Assert.Equal((TrafficMetric.Bytes, InterfacesPage.TrafficLimit, TimeSpan.FromHours(1)),
            (q.OrderBy, q.Limit, q.Range.Duration)));
        var rows = page.FindAll("[data-testid=interface-row]");
        Assert.Equal(["192.0.2.1/7", "192.0.2.1/1", "192.0.2.1/2"], rows.Select(r => r.GetAttribute("data-key")));
        // 4.5 MB in an hour is 10 000 bit/s: 0.1% of 10 Mbit/s.
        Assert.Equal("0.1%", rows[1].QuerySelector("[data-testid=in-utilization]")!.TextContent.Trim());
        Assert.Equal("interfaces/192.0.2.1/1?range=1h", rows[1].QuerySelector("a")!.GetAttribute("href"));
        Assert.Contains("1 interface(s) carry traffic without a class", page.Find("[data-testid=needs-class]").TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public void Render_FilterInAddress_PassedToBothQueries()
    {
        RenderAt("/interfaces?filter=proto%20udp");

        Assert.All(Queries.TopCalls, q => Assert.Equal(FilterParser.Parse("proto udp"), q.Filter));
    }

    [Fact]
    public void Render_BadFilter_ErrorAndNoQuery()
    {
        var page = RenderAt("/interfaces?filter=proto%20(");

        Assert.StartsWith("The filter in the address does not parse", page.Find("[data-testid=error]").TextContent, StringComparison.Ordinal);
        Assert.Empty(Queries.TopCalls);
    }

    [Fact]
    public void Render_QueryFails_ReadableError()
    {
        Queries.Failure = new TimeoutException("database did not answer in 30 s");

        var page = RenderAt("/interfaces");

        Assert.Equal("Could not load interfaces: database did not answer in 30 s", page.Find("[data-testid=error]").TextContent);
    }

    [Fact]
    public void Render_InterfaceWithCounters_RatesFromThemAndMarked()
    {
        // 2.5 Mbit/s in of the agent's 10 Mbit/s: 25%, where the flows alone would say 0.1%.
        Counters.Rates.Add(new FlowViz.Core.Counters.InterfaceCounterRates(
            System.Net.IPAddress.Parse("192.0.2.1"), 1, 2_500_000, 1_000_000, 5_000_000, 2_000_000, 10_000_000, 40, 0));

        var page = RenderAt("/interfaces?range=6h");

        Assert.Equal(TimeSpan.FromHours(6), Assert.Single(Counters.RateCalls).Duration);
        var counted = page.Find("[data-key='192.0.2.1/1']");
        Assert.Equal("counters", counted.QuerySelector("[data-testid=rate-source]")!.TextContent);
        Assert.Equal("25.0%", counted.QuerySelector("[data-testid=in-utilization]")!.TextContent.Trim());
        Assert.Equal("10.0%", counted.QuerySelector("[data-testid=out-utilization]")!.TextContent.Trim());
        Assert.Equal("flows", page.Find("[data-key='192.0.2.1/7'] [data-testid=rate-source]").TextContent);
        Assert.Contains("sFlow counters", page.Find("[data-testid=rate-source-legend]").TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public void Render_FilterSet_CountersNotAskedRatesFromFlows()
    {
        Counters.Rates.Add(new FlowViz.Core.Counters.InterfaceCounterRates(
            System.Net.IPAddress.Parse("192.0.2.1"), 1, 2_500_000, 1_000_000, 5_000_000, 2_000_000, 10_000_000, 40, 0));

        var page = RenderAt("/interfaces?range=1h&filter=proto%20udp");

        Assert.Empty(Counters.RateCalls);
        Assert.All(page.FindAll("[data-testid=rate-source]"), marker => Assert.Equal("flows", marker.TextContent));
        Assert.Contains("while a filter is set", page.Find("[data-testid=rate-source-legend]").TextContent, StringComparison.Ordinal);
    }
}
