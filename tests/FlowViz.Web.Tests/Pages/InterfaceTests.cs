using System.Net;
using FlowViz.Core.Filtering;
using FlowViz.Core.Interfaces;
using FlowViz.Web.Components.Pages;
using FlowViz.Core.Counters;
using FlowViz.Web.Tests.Fakes;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;

namespace FlowViz.Web.Tests.Pages;

public class InterfaceTests : WebTestContext
{
    private static readonly FilterExpression Exporter = new ExporterFilter(FilterValues.HostNetwork(IPAddress.Parse("192.0.2.1")));

    public InterfaceTests()
    {
        InterfaceCatalog.Add("192.0.2.1", 7, "et-0/0/7", new InterfaceClass("transit", "ntt", "external"));
        Queries.SeriesBy[FlowDimension.SrcAs] = new SeriesResult(60,
            [new TrafficSeries("64500", "AS64500", [new SeriesPoint(1_700_000_000, 8_000), new SeriesPoint(1_700_000_060, 4_000)])]);
        Queries.SeriesBy[FlowDimension.DstAs] = new SeriesResult(60,
            [new TrafficSeries("64501", "AS64501", [new SeriesPoint(1_700_000_000, 1_000), new SeriesPoint(1_700_000_060, 0)])]);
    }

    private IRenderedComponent<Interface> RenderAt(string uri, string exporter, string ifIndex)
    {
        Services.GetRequiredService<NavigationManager>().NavigateTo(uri);
        return Render<Interface>(p => p.Add(c => c.Exporter, exporter).Add(c => c.IfIndex, ifIndex));
    }

    [Fact]
    public void Render_Interface_HeaderFromCatalogueAndAsesEnteringAndLeaving()
    {
        var page = RenderAt("/interfaces/192.0.2.1/7?range=24h", "192.0.2.1", "7");

        Assert.Equal("Interface et-0/0/7 (192.0.2.1 if 7)", page.Find("h1").TextContent);
        Assert.Equal("transit", page.Find("[data-testid=if-class]").TextContent);
        Assert.Contains("ntt", page.Find("[data-testid=interface-facts]").TextContent, StringComparison.Ordinal);
        Assert.Equal([FlowDimension.SrcAs, FlowDimension.DstAs], Queries.SeriesCalls.Select(q => q.By));
        Assert.Equal(new AndFilter(Exporter, new NumberFilter(NumberSubject.Interface, FilterSide.Src, FilterComparison.Equal, 7)), Queries.SeriesCalls[0].Filter);
        Assert.Equal(new AndFilter(Exporter, new NumberFilter(NumberSubject.Interface, FilterSide.Dst, FilterComparison.Equal, 7)), Queries.SeriesCalls[1].Filter);
        Assert.Equal("as/64500?range=24h", page.Find("[data-testid=if-inbound-table] [data-testid=stats-row] a").GetAttribute("href"));
        Assert.Equal("AS64501", page.Find("[data-testid=if-outbound-table] [data-testid=stats-row] a").TextContent);
        Assert.Equal("Bits entering by source AS (bit/s, stacked)", page.Find("#if-inbound").TextContent);
    }

    [Fact]
    public void Render_NotInCatalogue_SaysSoAndStillShowsTraffic()
    {
        var page = RenderAt("/interfaces/192.0.2.1/0", "192.0.2.1", "0");

        Assert.Equal("Interface 192.0.2.1 if 0", page.Find("h1").TextContent);
        Assert.Single(page.FindAll("[data-testid=not-in-catalogue]"));
        Assert.Equal(2, page.FindAll("[data-testid=stats-row]").Count);
    }

    [Fact]
    public void Render_FilterInAddress_AndedWithTheInterface()
    {
        RenderAt("/interfaces/192.0.2.1/7?filter=proto%20tcp", "192.0.2.1", "7");

        var filter = Assert.IsType<AndFilter>(Queries.SeriesCalls[0].Filter);
        Assert.Equal(FilterParser.Parse("proto tcp"), filter.Right);
    }

    [Theory]
    [InlineData("not-an-ip", "7", "\"not-an-ip\" is not an exporter address: use an IPv4 or IPv6 address, as in /interfaces/192.0.2.1/3.")]
    [InlineData("1", "7", "\"1\" is not an exporter address: use an IPv4 or IPv6 address, as in /interfaces/192.0.2.1/3.")]
    [InlineData("192.0.2.1", "x", "\"x\" is not an interface index: use a whole number from 0 to 4294967295.")]
    [InlineData("192.0.2.1", "4294967296", "\"4294967296\" is not an interface index: use a whole number from 0 to 4294967295.")]
    [InlineData("192.0.2.1", "-1", "\"-1\" is not an interface index: use a whole number from 0 to 4294967295.")]
    public void Render_BadRouteValue_ClearErrorAndNoQuery(string exporter, string ifIndex, string expected)
    {
        var page = RenderAt($"/interfaces/{exporter}/{ifIndex}", exporter, ifIndex);

        Assert.Equal(expected, page.Find("[data-testid=error]").TextContent);
        Assert.Empty(Queries.SeriesCalls);
    }

    [Fact]
    public void Render_Ipv6Exporter_Accepted()
    {
        RenderAt("/interfaces/2001:db8::1/3", "2001:db8::1", "3");

        Assert.Equal(2, Queries.SeriesCalls.Count);
    }

    [Fact]
    public void Render_CountersExist_MirroredBitRateChartInTheBrowsersZone()
    {
        Counters.Points.Add(new FlowViz.Core.Counters.InterfaceCounterPoint(1_700_000_000, 2_000, 5_000));
        Counters.Points.Add(new FlowViz.Core.Counters.InterfaceCounterPoint(1_700_000_060, 3_000, 6_000));

        var page = RenderAt("/interfaces/192.0.2.1/7?range=6h", "192.0.2.1", "7");

        var asked = Assert.Single(Counters.SeriesCalls);
        Assert.Equal((IPAddress.Parse("192.0.2.1"), 7L, 60), (asked.Exporter, asked.IfIndex, asked.StepSeconds));
        Assert.Contains("times in Europe/Berlin", page.Find("#if-counters").TextContent, StringComparison.Ordinal);
        var payloads = ChartModule.Invocations.Where(i => i.Identifier is "create" or "update")
            .Select(i => Assert.IsType<FlowViz.Web.Components.Charts.ChartPayload>(i.Arguments[1])).ToList();
        var counters = payloads.Last(p => p.Series.Any(s => s.Key == "counters"));
        Assert.Equal(("bit/s", true, "Europe/Berlin"), (counters.Unit, counters.Mirrored, counters.TimeZone));
        var @out = counters.Series.Single(s => s.Direction == "out");
        var @in = counters.Series.Single(s => s.Direction == "in");
        Assert.Equal([[1_700_000_000_000.0, 5_000], [1_700_000_060_000.0, 6_000]], @out.Data);
        Assert.Equal([[1_700_000_000_000.0, -2_000], [1_700_000_060_000.0, -3_000]], @in.Data); // below the axis
    }

    [Fact]
    public void Render_NoCounters_NoCounterChart()
    {
        var page = RenderAt("/interfaces/192.0.2.1/7?range=6h", "192.0.2.1", "7");

        Assert.Single(Counters.SeriesCalls);
        Assert.Empty(page.FindAll("[data-testid=if-counters]"));
        Assert.Equal(2, page.FindAll("[data-testid=traffic-chart]").Count); // the two AS charts only
    }

    [Fact]
    public void Render_CountersKnowIfSpeedButNoSpeedConfigured_SpeedFromTheCounters()
    {
        InterfaceCatalog.Interfaces.Clear();
        InterfaceCatalog.Add("192.0.2.1", 7, "et-0/0/7", null, speedBps: null, "configuration");
        Counters.Points.Add(new InterfaceCounterPoint(1_700_000_000, 2_000, 5_000));
        Counters.Rates.Add(new InterfaceCounterRates(IPAddress.Parse("192.0.2.1"), 7, 2_000, 5_000, 2_000, 5_000, 10_000_000_000, 1, 0));
        Counters.Rates.Add(new InterfaceCounterRates(IPAddress.Parse("192.0.2.1"), 8, 0, 0, 0, 0, 1_000_000_000, 1, 0)); // another interface

        var page = RenderAt("/interfaces/192.0.2.1/7?range=6h", "192.0.2.1", "7");

        Assert.Equal("10.0 Gbit/s (sFlow ifSpeed)", page.Find("[data-testid=if-speed]").TextContent);
        Assert.Contains("speed 10.0 Gbit/s", page.Find("#if-counters").TextContent, StringComparison.Ordinal);
        Assert.Equal(TimeSpan.FromHours(6), Assert.Single(Counters.RateCalls).Duration);
    }

    [Fact]
    public void Render_NotInCatalogueButSendsCounters_SpeedFromTheCounters()
    {
        Counters.Points.Add(new InterfaceCounterPoint(1_700_000_000, 2_000, 5_000));
        Counters.Rates.Add(new InterfaceCounterRates(IPAddress.Parse("192.0.2.1"), 9, 2_000, 5_000, 2_000, 5_000, 1_000_000_000, 1, 0));

        var page = RenderAt("/interfaces/192.0.2.1/9", "192.0.2.1", "9");

        Assert.Equal("1.00 Gbit/s (sFlow ifSpeed)", page.Find("[data-testid=if-speed]").TextContent);
        Assert.Single(page.FindAll("[data-testid=not-in-catalogue]"));
    }

    [Fact]
    public void Render_ConfiguredSpeedNoCounters_ConfiguredSpeedAndNoRatesAsked()
    {
        InterfaceCatalog.Interfaces.Clear();
        InterfaceCatalog.Add("192.0.2.1", 7, "et-0/0/7", null, speedBps: 100_000_000, "configuration");

        var page = RenderAt("/interfaces/192.0.2.1/7", "192.0.2.1", "7");

        Assert.Equal("100 Mbit/s (configured)", page.Find("[data-testid=if-speed]").TextContent);
        Assert.Empty(Counters.RateCalls); // no counters: their rates (every interface's) are not read
    }

    [Fact]
    public void Render_CountersWithoutIfSpeed_CatalogueSpeedStays()
    {
        InterfaceCatalog.Interfaces.Clear();
        InterfaceCatalog.Add("192.0.2.1", 7, "et-0/0/7", null, speedBps: 100_000_000, "configuration");
        Counters.Points.Add(new InterfaceCounterPoint(1_700_000_000, 2_000, 5_000));
        Counters.Rates.Add(new InterfaceCounterRates(IPAddress.Parse("192.0.2.1"), 7, 2_000, 5_000, 2_000, 5_000, 0, 1, 0));

        var page = RenderAt("/interfaces/192.0.2.1/7", "192.0.2.1", "7");

        Assert.Equal("100 Mbit/s (configured)", page.Find("[data-testid=if-speed]").TextContent);
    }

    [Fact]
    public void Render_NoSpeedAnywhere_SaysUnknown()
    {
        var page = RenderAt("/interfaces/192.0.2.1/7", "192.0.2.1", "7");

        Assert.Equal("unknown", page.Find("[data-testid=if-speed]").TextContent);
    }

    [Fact]
    public void Render_QueriesStillRunning_LoadingStateWithTheAddressFacts()
    {
        var held = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        Queries.Hold = held.Task;

        var page = RenderAt("/interfaces/192.0.2.1/7", "192.0.2.1", "7");

        var loading = page.Find("[data-testid=loading]");
        Assert.Equal(("Loading the ASes of this interface…", "true"), (loading.TextContent, loading.GetAttribute("aria-busy")));
        Assert.Equal(["Exporter", "ifIndex"], page.FindAll("[data-testid=interface-facts] dt").Select(d => d.TextContent));
        Assert.Empty(page.FindAll("[data-testid=error]"));

        held.SetResult();

        page.WaitForAssertion(() => Assert.Equal("transit", page.Find("[data-testid=if-class]").TextContent));
        Assert.Empty(page.FindAll("[data-testid=loading]"));
        Assert.Equal("Interface et-0/0/7 (192.0.2.1 if 7)", page.Find("h1").TextContent);
    }

    [Fact]
    public void Render_NoTraffic_EmptyStateSaysWhatToDo()
    {
        Queries.SeriesBy.Clear();

        var page = RenderAt("/interfaces/192.0.2.1/7", "192.0.2.1", "7");

        Assert.Equal("No traffic entered or left by this interface in this range: choose a longer range, or check the exporter sends interface indexes.",
            page.Find("[data-testid=empty-state]").TextContent);
        Assert.Empty(page.FindAll("[data-testid=if-inbound]"));
    }

    [Fact]
    public void Render_NoTrafficWithFilter_EmptyStateSaysToWidenOrClearTheFilter()
    {
        Queries.SeriesBy.Clear();

        var page = RenderAt("/interfaces/192.0.2.1/7?filter=proto%20udp", "192.0.2.1", "7");

        Assert.Equal("No traffic through this interface matches this filter in this range: widen the range or clear the filter.",
            page.Find("[data-testid=empty-state]").TextContent);
    }

    [Fact]
    public void Render_QueryFails_SaysWhatHappened()
    {
        Queries.Failure = new TimeoutException("database did not answer in 30 s");

        var page = RenderAt("/interfaces/192.0.2.1/7", "192.0.2.1", "7");

        Assert.Equal("Could not load traffic of interface 192.0.2.1 if 7: database did not answer in 30 s", page.Find("[data-testid=error]").TextContent);
        Assert.Empty(page.FindAll("[data-testid=loading]"));
    }

    [Fact]
    public void Render_BadFilter_SaysWhereAndQueriesNothing()
    {
        var page = RenderAt("/interfaces/192.0.2.1/7?filter=proto%20nope", "192.0.2.1", "7");

        Assert.StartsWith("The filter in the address does not parse", page.Find("[data-testid=error]").TextContent, StringComparison.Ordinal);
        Assert.Empty(Queries.SeriesCalls);
        Assert.Empty(Counters.SeriesCalls);
    }

    [Fact]
    public void Refresh_RelativeRange_QueriesCountersAndAsesAgain()
    {
        Counters.Points.Add(new InterfaceCounterPoint(1_700_000_000, 2_000, 5_000));
        RenderAt("/interfaces/192.0.2.1/7", "192.0.2.1", "7");

        Clock.Advance(Interface.RefreshInterval);

        Assert.Equal(2, Counters.SeriesCalls.Count);
        Assert.Equal(4, Queries.SeriesCalls.Count);
        Assert.Equal(Sample.Now + Interface.RefreshInterval, Queries.SeriesCalls[3].Range.To);
    }
}
