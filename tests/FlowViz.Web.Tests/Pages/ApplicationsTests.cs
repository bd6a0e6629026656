using FlowViz.Core.Filtering;
using FlowViz.Web.Components.Charts;
using FlowViz.Web.Components.Pages;
using FlowViz.Web.Tests.Fakes;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;

namespace FlowViz.Web.Tests.Pages;

public class ApplicationsTests : WebTestContext
{
    public ApplicationsTests() => Queries.Series = SampleDirections.Series();

    private void NavigateTo(string uri) => Services.GetRequiredService<NavigationManager>().NavigateTo(uri);

    [Fact]
    public void Render_Default_OneSeriesQueryByApplicationSplitByDirection()
    {
        var page = Render<Applications>();

        var query = Assert.Single(Queries.SeriesCalls);
        Assert.Equal(FlowDimension.Application, query.By);
        Assert.Equal(SeriesSplit.Direction, query.Split);
        Assert.Equal(TrafficMetric.Bits, query.Metric);
        Assert.Equal(Applications.TopLimit, query.Limit);
        Assert.Null(query.Filter);
        Assert.Equal(TimeSpan.FromHours(6), query.Range.Duration); // the default range
        Assert.Equal(["dns", "ssh", "other"], page.FindAll("[data-testid=applications-legend] tbody tr").Select(r => r.GetAttribute("data-key")));
        Assert.Single(page.FindAll("[data-testid=direction-total]"));
        Assert.Empty(page.FindAll("[data-testid=error]"));
    }

    [Fact]
    public void Render_Default_DrawsMirroredChartWithInBelowTheAxis()
    {
        Render<Applications>();

        var payload = Assert.IsType<ChartPayload>(ChartModule.VerifyInvoke("create").Arguments[1]);
        Assert.True(payload.Mirrored);
        Assert.True(payload.Zoomable);
        Assert.Equal(-50, payload.Series.Single(s => s.Name == "dns in").Data[0][1]);
        Assert.Equal(100, payload.Series.Single(s => s.Name == "dns out").Data[0][1]);
    }

    [Fact]
    public void Render_MetricAndFilterInAddress_QueriesThem()
    {
        NavigateTo("/applications?metric=flows&filter=exporter%20192.0.2.1&range=24h");

        var page = Render<Applications>();

        var query = Assert.Single(Queries.SeriesCalls);
        Assert.Equal(TrafficMetric.Flows, query.Metric);
        Assert.Equal(FilterParser.Parse("exporter 192.0.2.1"), query.Filter);
        Assert.Equal(TimeSpan.FromHours(24), query.Range.Duration);
        Assert.Contains("(totals in flows)", page.Find("[data-testid=direction-table] caption").TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public void Render_ApplicationLink_NarrowsTheFilterToIt()
    {
        NavigateTo("/applications?filter=net%2010.0.0.0/8");

        var page = Render<Applications>();

        var href = page.Find("[data-key=dns] a").GetAttribute("href")!;
        Assert.Contains("filter=app%20dns%20and%20net%2010.0.0.0%2F8", href, StringComparison.Ordinal);
    }

    [Fact]
    public void Render_BadFilter_ShowsErrorAndQueriesNothing()
    {
        NavigateTo("/applications?filter=proto%20nope");

        var page = Render<Applications>();

        Assert.StartsWith("The filter in the address does not parse", page.Find("[data-testid=error]").TextContent, StringComparison.Ordinal);
        Assert.Empty(Queries.SeriesCalls);
    }

    [Fact]
    public void Render_NoTraffic_ShowsWhatToDo()
    {
        Queries.Series = new SeriesResult(60, []);

        var page = Render<Applications>();

        Assert.Contains("point an exporter at UDP port 2055", page.Find("[data-testid=empty-state]").TextContent, StringComparison.Ordinal);
        Assert.Empty(page.FindAll("[data-testid=applications-chart]"));
    }

    [Fact]
    public void Render_QueryFails_SaysWhatHappened()
    {
        Queries.Failure = new TimeoutException("database did not answer in 30 s");

        var page = Render<Applications>();

        Assert.Equal("Could not load applications: database did not answer in 30 s", page.Find("[data-testid=error]").TextContent);
    }

    [Fact]
    public void Refresh_RelativeRange_QueriesAgain()
    {
        Render<Applications>();

        Clock.Advance(Applications.RefreshInterval);

        Assert.Equal(2, Queries.SeriesCalls.Count);
        Assert.Equal(Sample.Now + Applications.RefreshInterval, Queries.SeriesCalls[1].Range.To);
    }

    [Fact]
    public void Render_DefaultNetworks_HintExampleIsTheFirstLocalNetwork()
    {
        var page = Render<Applications>();

        Assert.Equal("net 10.0.0.0/8", page.Find("[data-testid=network-example]").TextContent);
    }

    [Fact]
    public void Render_ConfiguredNetworks_HintExampleIsTheFirstConfigured()
    {
        EnrichmentRules.Swap(FlowViz.Enrichment.EnrichmentConfiguration.Build(new FlowViz.Enrichment.EnrichmentOptions
        {
            Networks = [new() { Name = "office", Prefix = "198.18.4.0/22" }, new() { Name = "lab", Prefix = "2001:db8:7::/48" }],
        }));

        var page = Render<Applications>();

        Assert.Equal("net 198.18.4.0/22", page.Find("[data-testid=network-example]").TextContent);
    }

    [Fact]
    public void Render_ViewerLimitedToATenant_HintExampleIsTheDocumentationRange()
    {
        ViewerScope = FlowViz.Identity.Scoping.ViewerScope.Restricted(FilterParser.Parse("net 198.51.100.0/24"), []);

        var page = Render<Applications>();

        Assert.Equal($"net {Applications.DocumentationNetwork}", page.Find("[data-testid=network-example]").TextContent);
    }

    [Fact]
    public void NetworkExampleOf_NoNetworks_DocumentationRange() =>
        Assert.Equal("192.0.2.0/24", Applications.NetworkExampleOf([]));
}
