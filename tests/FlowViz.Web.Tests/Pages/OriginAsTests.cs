using FlowViz.Core.Filtering;
using FlowViz.Web.Components.Pages;
using FlowViz.Web.Tests.Fakes;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;

namespace FlowViz.Web.Tests.Pages;

public class OriginAsTests : WebTestContext
{
    private static readonly NumberFilter FromAs64500 = new(NumberSubject.As, FilterSide.Src, FilterComparison.Equal, 64500);
    private static readonly NumberFilter ToAs64500 = new(NumberSubject.As, FilterSide.Dst, FilterComparison.Equal, 64500);

    public OriginAsTests()
    {
        Queries.Series = new SeriesResult(60,
        [
            new TrafficSeries("192.0.2.1/7", "192.0.2.1/7 (xe-0/0/1)", [new SeriesPoint(1_700_000_000, 8_000), new SeriesPoint(1_700_000_060, 4_000)]),
            new TrafficSeries("192.0.2.1/9", "192.0.2.1/9", [new SeriesPoint(1_700_000_000, 1_000), new SeriesPoint(1_700_000_060, 0)]),
            new TrafficSeries(TrafficSeries.OtherKey, "Other", [new SeriesPoint(1_700_000_000, 0), new SeriesPoint(1_700_000_060, 0)]),
        ]);
        Queries.Top = new TopResult([new TopRow("198.51.100.7", "198.51.100.7", 3, 30, 3_000)], TrafficTotals.Zero);
    }

    [Fact]
    public void Render_Asn_QueriesInterfacesAndTopsFromThatAs()
    {
        var page = Render<OriginAs>(p => p.Add(c => c.Asn, "64500"));

        Assert.Equal([FlowDimension.InputInterface, FlowDimension.OutputInterface], Queries.SeriesCalls.Select(q => q.By));
        Assert.Equal(FromAs64500, Queries.SeriesCalls[0].Filter);
        Assert.Equal(ToAs64500, Queries.SeriesCalls[1].Filter);
        FlowDimension[] tables = [FlowDimension.SrcAddr, FlowDimension.DstAddr, FlowDimension.SrcCountry, FlowDimension.DstCountry];
        Assert.Equal([.. tables, .. tables, FlowDimension.SrcPrefix, FlowDimension.DstPrefix], Queries.TopCalls.Select(q => q.By));
        Assert.Equal(
            [FromAs64500, FromAs64500, FromAs64500, FromAs64500, ToAs64500, ToAs64500, ToAs64500, ToAs64500, FromAs64500, ToAs64500],
            Queries.TopCalls.Select(q => q.Filter));
        var table = page.Find("[data-testid=as-interfaces]").TextContent;
        Assert.Contains("192.0.2.1/7 (xe-0/0/1)", table, StringComparison.Ordinal);
        Assert.Contains("192.0.2.1/9", table, StringComparison.Ordinal);
        Assert.Equal(8, page.FindAll("[data-testid=as-top-row]").Count);
        Assert.Empty(page.FindAll("[data-testid=error]"));
    }

    [Fact]
    public void Render_FilterInAddress_IsAndedWithTheAs()
    {
        Services.GetRequiredService<NavigationManager>().NavigateTo("/as/64500?filter=proto%20tcp");

        Render<OriginAs>(p => p.Add(c => c.Asn, "64500"));

        var filter = Assert.IsType<AndFilter>(Queries.SeriesCalls[0].Filter);
        Assert.Equal(FromAs64500, filter.Left);
        Assert.Equal(FilterParser.Parse("proto tcp"), filter.Right);
        var outbound = Assert.IsType<AndFilter>(Queries.SeriesCalls[1].Filter);
        Assert.Equal((ToAs64500, FilterParser.Parse("proto tcp")), (outbound.Left, outbound.Right));
    }

    [Theory]
    [InlineData("4294967296")]
    [InlineData("-1")]
    [InlineData("AS64500")]
    [InlineData("")]
    public void Render_BadAsn_ShowsErrorAndQueriesNothing(string asn)
    {
        var page = Render<OriginAs>(p => p.Add(c => c.Asn, asn));

        Assert.Equal($"\"{asn}\" is not an AS number: use a whole number from 0 to 4294967295.", page.Find("[data-testid=error]").TextContent);
        Assert.Empty(Queries.SeriesCalls);
        Assert.Empty(Queries.TopCalls);
    }

    [Fact]
    public void Render_LargestAsn_IsAccepted()
    {
        Render<OriginAs>(p => p.Add(c => c.Asn, "4294967295"));

        Assert.Equal(new NumberFilter(NumberSubject.As, FilterSide.Src, FilterComparison.Equal, 4294967295), Queries.SeriesCalls[0].Filter);
    }

    [Fact]
    public void Render_NoTraffic_ShowsEmptyState()
    {
        Queries.Series = new SeriesResult(60, []);

        var page = Render<OriginAs>(p => p.Add(c => c.Asn, "64500"));

        Assert.Single(page.FindAll("[data-testid=empty-state]"));
        Assert.Empty(page.FindAll("[data-testid=as-interfaces]"));
    }

    [Fact]
    public void Render_QueryFails_ShowsReadableError()
    {
        Queries.Failure = new TimeoutException("database did not answer in 30 s");

        var page = Render<OriginAs>(p => p.Add(c => c.Asn, "64500"));

        Assert.Equal("Could not load traffic of AS 64500: database did not answer in 30 s", page.Find("[data-testid=error]").TextContent);
    }

    [Fact]
    public void Render_InterfaceRows_NameClassProviderFromCatalogueAndLinkToInterfacePage()
    {
        InterfaceCatalog.Add("192.0.2.1", 7, "xe-0/0/1", new FlowViz.Core.Interfaces.InterfaceClass("transit", "ntt", "external"));
        Services.GetRequiredService<NavigationManager>().NavigateTo("/as/64500?range=24h");

        var page = Render<OriginAs>(p => p.Add(c => c.Asn, "64500"));

        var row = page.Find("[data-testid=as-interfaces] [data-key='192.0.2.1/7']");
        Assert.Equal("interfaces/192.0.2.1/7?range=24h", row.QuerySelector("a")!.GetAttribute("href"));
        Assert.Equal(["192.0.2.1", "xe-0/0/1", "transit", "ntt"], row.QuerySelectorAll("[data-testid=stats-detail]").Select(c => c.TextContent));
        var unknown = page.Find("[data-testid=as-interfaces] [data-key='192.0.2.1/9']");
        Assert.Equal(["192.0.2.1", "", "unclassified", ""], unknown.QuerySelectorAll("[data-testid=stats-detail]").Select(c => c.TextContent));
        Assert.Single(page.FindAll("[data-testid=as-outbound-interfaces]"));
    }

    [Fact]
    public void Render_Sankey_AsToConnectivityToInterface()
    {
        InterfaceCatalog.Add("192.0.2.1", 7, "xe-0/0/1", new FlowViz.Core.Interfaces.InterfaceClass("transit", "ntt", "external"));
        Queries.SeriesBy[FlowDimension.OutputInterface] = new SeriesResult(60, []);

        var page = Render<OriginAs>(p => p.Add(c => c.Asn, "64500"));

        var nodes = page.FindAll("[data-testid=sankey-node]").Select(n => n.GetAttribute("data-id")).ToList();
        Assert.Equal(["AS64500", "class:transit", "class:unclassified", "192.0.2.1/7", "192.0.2.1/9"], nodes);
        // Interface 7: (8000 + 4000) bit/s × 60 s = 720 000 bit = 90.0 kB.
        var band = page.Find("[data-testid=sankey-link][data-to='192.0.2.1/7'] title").TextContent;
        Assert.Equal("transit → xe-0/0/1 (192.0.2.1 if 7): 90.0 kB", band);
    }

    [Fact]
    public void Render_Prefixes_SourcePrefixesInDestinationPrefixesOutWithShare()
    {
        Queries.TopBy[FlowDimension.SrcPrefix] = new TopResult([new TopRow("192.0.2.0/24", "192.0.2.0/24", 3, 30, 3_000)], TrafficTotals.Zero);
        Queries.TopBy[FlowDimension.DstPrefix] = new TopResult([new TopRow("198.51.100.0/25", "198.51.100.0/25", 1, 10, 1_000)], TrafficTotals.Zero);
        Services.GetRequiredService<NavigationManager>().NavigateTo("/as/64500?filter=proto%20tcp");

        var page = Render<OriginAs>(p => p.Add(c => c.Asn, "64500"));

        var prefixCalls = Queries.TopCalls.Where(q => q.By is FlowDimension.SrcPrefix or FlowDimension.DstPrefix).ToList();
        Assert.Equal([AsPrefixes.FetchLimit, AsPrefixes.FetchLimit], prefixCalls.Select(q => q.Limit));
        Assert.Equal(new AndFilter(FromAs64500, FilterParser.Parse("proto tcp")), prefixCalls[0].Filter);
        Assert.Equal(new AndFilter(ToAs64500, FilterParser.Parse("proto tcp")), prefixCalls[1].Filter);
        var rows = page.FindAll("[data-testid=as-prefixes-panel] [data-testid=as-prefix-row]")
            .Select(r => string.Join(" | ", r.QuerySelectorAll("td").Select(c => c.TextContent)));
        Assert.Equal(["192.0.2.0/24 | 3.00 kB | 0 B | 75.0%", "198.51.100.0/25 | 0 B | 1.00 kB | 25.0%"], rows);
        Assert.Equal("Prefixes of AS 64500", page.Find("#as-prefixes-head").TextContent);
    }

    [Fact]
    public void Render_TopTables_TrafficToTheAsHasTheSameTablesAsTrafficFromIt()
    {
        Queries.TopAnswer = query => query.Filter == ToAs64500 && query.By == FlowDimension.SrcAddr
            ? new TopResult([new TopRow("10.0.0.9", "10.0.0.9", 2, 20, 2_000)], TrafficTotals.Zero)
            : Queries.Top;

        var page = Render<OriginAs>(p => p.Add(c => c.Asn, "64500"));

        var captions = (string direction) => page.FindAll($"[data-testid=as-tops-{direction}] caption").Select(c => c.TextContent).ToList();
        Assert.Equal(
            ["Top source addresses (senders in the AS) (ranked by bytes)", "Top destination addresses (receiving from the AS) (ranked by bytes)",
             "Top source countries (ranked by bytes)", "Top destination countries (ranked by bytes)"],
            captions("in"));
        Assert.Equal(
            ["Top source addresses (sending to the AS) (ranked by bytes)", "Top destination addresses (receivers in the AS) (ranked by bytes)",
             "Top source countries (ranked by bytes)", "Top destination countries (ranked by bytes)"],
            captions("out"));
        var localSenders = page.FindAll("[data-testid=as-tops-out] [data-testid=as-top]")[0];
        Assert.Equal(["10.0.0.9", "2.00 kB"], localSenders.QuerySelectorAll("[data-testid=as-top-row] td").Select(c => c.TextContent));
        Assert.Equal(["Source address", "bytes"], localSenders.QuerySelectorAll("th").Select(c => c.TextContent));
        Assert.Equal("Traffic to AS 64500 (destination AS): who sends, its receivers, countries", page.Find("#as-tops-out").TextContent);
    }

    [Fact]
    public void Render_QueriesStillRunning_ShowsLoadingState()
    {
        var held = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        Queries.Hold = held.Task;

        var page = Render<OriginAs>(p => p.Add(c => c.Asn, "64500"));

        var loading = page.Find("[data-testid=loading]");
        Assert.Equal(("Loading traffic of AS 64500…", "true"), (loading.TextContent, loading.GetAttribute("aria-busy")));
        Assert.Empty(page.FindAll("[data-testid=error]"));
        Assert.Empty(page.FindAll("[data-testid=empty-state]"));

        held.SetResult();

        page.WaitForAssertion(() => Assert.Single(page.FindAll("[data-testid=as-interfaces]")));
        Assert.Empty(page.FindAll("[data-testid=loading]"));
    }

    [Fact]
    public void Render_NoTrafficWithFilter_EmptyStateSaysToWidenOrClearTheFilter()
    {
        Queries.Series = new SeriesResult(60, []);
        Services.GetRequiredService<NavigationManager>().NavigateTo("/as/64500?filter=proto%20udp");

        var page = Render<OriginAs>(p => p.Add(c => c.Asn, "64500"));

        Assert.Equal("No traffic from or to AS 64500 matches this filter in this range: widen the range or clear the filter.",
            page.Find("[data-testid=empty-state]").TextContent);
    }

    [Fact]
    public void Render_NoTraffic_EmptyStateSaysWhatToDo()
    {
        Queries.Series = new SeriesResult(60, []);

        var page = Render<OriginAs>(p => p.Add(c => c.Asn, "64500"));

        Assert.Equal("No traffic from or to AS 64500 in this range: exporters must send AS numbers (or enrich them), or choose a longer range.",
            page.Find("[data-testid=empty-state]").TextContent);
        Assert.Empty(page.FindAll("[data-testid=loading]"));
    }

    [Fact]
    public void Render_BadFilter_SaysWhereAndQueriesNothing()
    {
        Services.GetRequiredService<NavigationManager>().NavigateTo("/as/64500?filter=proto%20nope");

        var page = Render<OriginAs>(p => p.Add(c => c.Asn, "64500"));

        Assert.StartsWith("The filter in the address does not parse:", page.Find("[data-testid=error]").TextContent, StringComparison.Ordinal);
        Assert.Empty(Queries.SeriesCalls);
        Assert.Empty(page.FindAll("[data-testid=loading]"));
    }

    [Fact]
    public void Refresh_RelativeRange_QueriesAgainAndKeepsWhatIsShown()
    {
        var page = Render<OriginAs>(p => p.Add(c => c.Asn, "64500"));
        Queries.Failure = new TimeoutException("database did not answer in 30 s");

        Clock.Advance(OriginAs.RefreshInterval);

        Assert.Equal(4, Queries.SeriesCalls.Count); // the refresh asks its questions at once; they fail
        Assert.All(Queries.SeriesCalls.Skip(2), query => Assert.Equal(Sample.Now + OriginAs.RefreshInterval, query.Range.To));
        page.WaitForAssertion(() => Assert.Equal(
            "Could not load traffic of AS 64500: database did not answer in 30 s", page.Find("[data-testid=error]").TextContent));
        Assert.Single(page.FindAll("[data-testid=as-interfaces]")); // the figures stay under the message
    }

    [Fact]
    public void Refresh_ZoomedFixedRange_DoesNotQueryAgain()
    {
        Services.GetRequiredService<NavigationManager>().NavigateTo("/as/64500?from=2026-11-23T10:00:00Z&to=2026-11-23T11:00:00Z");
        Render<OriginAs>(p => p.Add(c => c.Asn, "64500"));

        Clock.Advance(OriginAs.RefreshInterval * 3);

        Assert.Equal(2, Queries.SeriesCalls.Count);
    }
}
