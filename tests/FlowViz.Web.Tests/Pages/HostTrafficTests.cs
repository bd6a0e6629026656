using FlowViz.Core.Filtering;
using FlowViz.Web.Components.Pages;
using FlowViz.Web.Tests.Fakes;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;

namespace FlowViz.Web.Tests.Pages;

public class HostTrafficTests : WebTestContext
{
    private static readonly FilterExpression Host10 = FilterParser.Parse("host 10.0.0.1");

    public HostTrafficTests()
    {
        Queries.Totals = Sample.Totals;
        Queries.Top = new TopResult([new TopRow("198.51.100.7", "198.51.100.7", 3, 30, 3_000)], TrafficTotals.Zero);
        Queries.SeriesAnswer = query => query.Split == SeriesSplit.Direction ? SampleDirections.Series() : Sample.Series();
    }

    [Fact]
    public void Render_Address_QueriesEverythingWithTheHostFilter()
    {
        var page = Render<HostTraffic>(p => p.Add(c => c.Address, "10.0.0.1"));

        Assert.Equal(Host10, Assert.Single(Queries.SummaryQueries).Filter);
        Assert.Equal(
            [(FlowDimension.Application, SeriesSplit.Direction), (FlowDimension.OriginAs, SeriesSplit.None), (FlowDimension.DstCountry, SeriesSplit.None)],
            Queries.SeriesCalls.Select(q => (q.By, q.Split)));
        Assert.Equal([FlowDimension.SrcAddr, FlowDimension.DstAddr, FlowDimension.SrcCountry, FlowDimension.DstCountry], Queries.TopCalls.Select(q => q.By));
        Assert.All(Queries.SeriesCalls, q => Assert.Equal(Host10, q.Filter));
        Assert.All(Queries.TopCalls, q => Assert.Equal(Host10, q.Filter));
        Assert.Equal(4, page.FindAll("[data-testid=host-top-row]").Count);
        Assert.Single(page.FindAll("[data-testid=direction-table]"));
        Assert.Equal(2, page.FindAll("[data-testid=series-stats]").Count);
        Assert.Equal(3, ChartModule.Invocations["create"].Count);
        Assert.Equal(Sample.Totals.Flows.ToString(System.Globalization.CultureInfo.InvariantCulture), page.Find("[data-testid=total-flows]").GetAttribute("data-value"));
        Assert.Empty(page.FindAll("[data-testid=error]"));
    }

    [Fact]
    public void Render_IPv6Address_IsAccepted()
    {
        Render<HostTraffic>(p => p.Add(c => c.Address, "2001:db8::1"));

        Assert.Equal(FilterParser.Parse("host 2001:db8::1"), Assert.Single(Queries.SummaryQueries).Filter);
    }

    [Fact]
    public void Render_FilterInAddress_IsAndedWithTheHost()
    {
        Services.GetRequiredService<NavigationManager>().NavigateTo("/hosts/10.0.0.1?filter=proto%20udp");

        Render<HostTraffic>(p => p.Add(c => c.Address, "10.0.0.1"));

        Assert.All(Queries.TopCalls, q => Assert.Equal(new AndFilter(Host10, FilterParser.Parse("proto udp")), q.Filter));
    }

    [Theory]
    [InlineData("1")]
    [InlineData("10.0.1")]
    [InlineData("10.0.0.256")]
    [InlineData("fe80::1%eth0")]
    [InlineData("example.org")]
    [InlineData("")]
    public void Render_BadAddress_ShowsErrorAndQueriesNothing(string address)
    {
        var page = Render<HostTraffic>(p => p.Add(c => c.Address, address));

        Assert.Equal($"\"{address}\" is not an IP address: use an IPv4 address such as 192.0.2.1 or an IPv6 address such as 2001:db8::1.",
            page.Find("[data-testid=error]").TextContent);
        Assert.Empty(Queries.SeriesCalls);
        Assert.Empty(Queries.TopCalls);
        Assert.Empty(Queries.SummaryQueries);
        Assert.Empty(page.FindAll("[data-testid=filter-box]"));
    }

    [Fact]
    public void Render_AddressChanged_LoadsTheNewHost()
    {
        var page = Render<HostTraffic>(p => p.Add(c => c.Address, "10.0.0.1"));

        page.Render(p => p.Add(c => c.Address, "10.0.0.2"));

        Assert.Equal(FilterParser.Parse("host 10.0.0.2"), Queries.SummaryQueries[^1].Filter);
    }

    [Fact]
    public void Render_NoTraffic_ShowsEmptyState()
    {
        Queries.Totals = TrafficTotals.Zero;

        var page = Render<HostTraffic>(p => p.Add(c => c.Address, "10.0.0.1"));

        Assert.Contains("No traffic to or from 10.0.0.1", page.Find("[data-testid=empty-state]").TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public void Render_BackLink_KeepsTheQuery()
    {
        Services.GetRequiredService<NavigationManager>().NavigateTo("/hosts/10.0.0.1?range=6h");

        var page = Render<HostTraffic>(p => p.Add(c => c.Address, "10.0.0.1"));

        Assert.Equal("hosts?range=6h", page.Find("[data-testid=back-to-hosts]").GetAttribute("href"));
    }
}
