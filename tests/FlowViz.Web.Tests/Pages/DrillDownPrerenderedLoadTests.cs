using FlowViz.Core.Counters;
using FlowViz.Core.Interfaces;
using FlowViz.Web.Components.Pages;
using FlowViz.Web.Components.Prerendering;
using FlowViz.Web.Tests.Fakes;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;

namespace FlowViz.Web.Tests.Pages;

/// <summary>
/// The Origin AS and Interface pages carry their prerender's load into the interactive render, as the other graph pages
/// do (<see cref="PrerenderedLoadTests"/>): the first render plays the prerender, its state is persisted, and a second
/// instance plays the circuit's render. Their data (interface labels, facts, counters, tuples of tops, prefixes) must
/// survive the JSON round trip whole.
/// </summary>
public class DrillDownPrerenderedLoadTests : WebTestContext
{
    public DrillDownPrerenderedLoadTests()
    {
        Queries.Series = new SeriesResult(60,
        [
            new TrafficSeries("192.0.2.1/7", "192.0.2.1/7", [new SeriesPoint(1_700_000_000, 8_000), new SeriesPoint(1_700_000_060, 4_000)]),
        ]);
        Queries.SeriesBy[FlowDimension.SrcAs] = new SeriesResult(60,
            [new TrafficSeries("64500", "AS64500", [new SeriesPoint(1_700_000_000, 8_000), new SeriesPoint(1_700_000_060, 4_000)])]);
        Queries.SeriesBy[FlowDimension.DstAs] = new SeriesResult(60,
            [new TrafficSeries("64501", "AS64501", [new SeriesPoint(1_700_000_000, 1_000), new SeriesPoint(1_700_000_060, 0)])]);
        Queries.Top = new TopResult([new TopRow("198.51.100.7", "198.51.100.7", 3, 30, 3_000)], TrafficTotals.Zero);
        Queries.TopBy[FlowDimension.SrcPrefix] = new TopResult([new TopRow("192.0.2.0/24", "192.0.2.0/24", 3, 30, 3_000)], TrafficTotals.Zero);
        InterfaceCatalog.Add("192.0.2.1", 7, "xe-0/0/7", new InterfaceClass("transit", "ntt", "external"), 1_000_000_000, "configuration");
        Counters.Points.Add(new InterfaceCounterPoint(1_700_000_000, 2_000, 5_000));
        Counters.Rates.Add(new InterfaceCounterRates(System.Net.IPAddress.Parse("192.0.2.1"), 7, 2_000, 5_000, 2_000, 5_000, 10_000_000_000, 1, 0));
    }

    private int QueryCount => Queries.TopCalls.Count + Queries.SeriesCalls.Count + Counters.SeriesCalls.Count + Counters.RateCalls.Count + InterfaceCatalog.ListCalls;

    private void NavigateTo(string uri) => Services.GetRequiredService<NavigationManager>().NavigateTo(uri);

    private void ForgetQueries()
    {
        Queries.TopCalls.Clear();
        Queries.SeriesCalls.Clear();
        Counters.SeriesCalls.Clear();
        Counters.RateCalls.Clear();
    }

    /// <summary>Renders as the prerender would and ends it; returns its markup.</summary>
    private string Prerender<TPage>(Action<ComponentParameterCollectionBuilder<TPage>> parameters) where TPage : IComponent
    {
        var markup = Comparable(Render(parameters).Markup);
        Assert.NotEqual(0, QueryCount);
        PageState.TriggerOnPersisting();
        DisposeComponentsAsync().GetAwaiter().GetResult(); // the prerender's instance ends with its response
        ForgetQueries();
        return markup;
    }

    /// <summary>Markup without the renderer's own ids (element references, event handlers), which differ per instance.</summary>
    private static string Comparable(string markup) => System.Text.RegularExpressions.Regex.Replace(markup, "blazor:[A-Za-z]+=\"[^\"]*\"", "");

    private static void OriginAs64500(ComponentParameterCollectionBuilder<OriginAs> p) => p.Add(c => c.Asn, "64500");

    private static void Interface7(ComponentParameterCollectionBuilder<Interface> p) => p.Add(c => c.Exporter, "192.0.2.1").Add(c => c.IfIndex, "7");

    [Fact]
    public void OriginAs_Prerender_PaintsTheRollupChartsAndLeavesTheRawFlowTablesOut()
    {
        SetRendererInfo(new RendererInfo("Static", isInteractive: false));

        var page = Render<OriginAs>(OriginAs64500);

        Assert.Equal([FlowDimension.InputInterface, FlowDimension.OutputInterface], Queries.SeriesCalls.Select(q => q.By));
        Assert.Empty(Queries.TopCalls);
        Assert.Equal(2, page.FindAll("[data-testid=traffic-chart]").Count);
        Assert.Single(page.FindAll("[data-testid=as-sankey]"));
        Assert.Equal("Loading the prefixes, addresses and countries of AS 64500 (read from the raw flows)…",
            page.Find("[data-testid=as-details-loading]").TextContent);
        Assert.Empty(page.FindAll("[data-testid=as-top]"));
    }

    [Fact]
    public void OriginAs_PrerenderLeftTheTablesOut_InteractiveRenderShowsItAndAsksForTheTablesOnly()
    {
        NavigateTo("/as/64500?range=24h");
        SetRendererInfo(new RendererInfo("Static", isInteractive: false));
        Prerender<OriginAs>(OriginAs64500);
        SetRendererInfo(new RendererInfo("Server", isInteractive: true));
        Clock.Advance(TimeSpan.FromMinutes(1)); // the circuit comes up a little later: the tables keep the charts' range
        var held = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        Queries.Hold = held.Task;

        var page = Render<OriginAs>(OriginAs64500);

        Assert.Single(page.FindAll("[data-testid=as-details-loading]")); // the carried charts, the tables on their way
        Assert.Equal(2, page.FindAll("[data-testid=traffic-chart]").Count);
        held.SetResult();
        page.WaitForAssertion(() => Assert.Equal(8, page.FindAll("[data-testid=as-top-row]").Count));
        Assert.Equal(["192.0.2.0/24", "198.51.100.7"], page.FindAll("[data-testid=as-prefix-row]").Select(r => r.GetAttribute("data-key")));
        Assert.Empty(page.FindAll("[data-testid=as-details-loading]"));
        Assert.Empty(Queries.SeriesCalls); // only what the prerender left out, over the carried charts' range
        Assert.All(Queries.TopCalls, q => Assert.Equal(new TimeRange(Sample.Now.AddHours(-24), Sample.Now), q.Range));
    }

    [Fact]
    public void OriginAs_TablesAfterThePrerenderFail_ChartsStayAndTheErrorReplacesTheLoadingNotice()
    {
        SetRendererInfo(new RendererInfo("Static", isInteractive: false));
        Prerender<OriginAs>(OriginAs64500);
        SetRendererInfo(new RendererInfo("Server", isInteractive: true));
        Queries.Failure = new TimeoutException("database did not answer in 30 s");

        var page = Render<OriginAs>(OriginAs64500);

        Assert.Equal("Could not load traffic of AS 64500: database did not answer in 30 s", page.Find("[data-testid=error]").TextContent);
        Assert.Equal(2, page.FindAll("[data-testid=traffic-chart]").Count);
        Assert.Empty(page.FindAll("[data-testid=as-details-loading]"));
    }

    /// <summary>A carried load that holds the tables too (a paused circuit's state, say) is shown as it is.</summary>
    [Fact]
    public void OriginAs_PrerenderedDataPresent_InteractiveRenderShowsItWithoutQuerying()
    {
        NavigateTo("/as/64500?range=24h");
        var prerendered = Prerender<OriginAs>(OriginAs64500);
        var listed = InterfaceCatalog.ListCalls;

        var page = Render<OriginAs>(OriginAs64500);

        Assert.Equal(0, Queries.TopCalls.Count + Queries.SeriesCalls.Count);
        Assert.Equal(listed, InterfaceCatalog.ListCalls);
        var row = page.Find("[data-testid=as-interfaces] [data-key='192.0.2.1/7']");
        Assert.Equal(["192.0.2.1", "xe-0/0/7", "transit", "ntt"], row.QuerySelectorAll("[data-testid=stats-detail]").Select(c => c.TextContent));
        Assert.Equal(8, page.FindAll("[data-testid=as-top-row]").Count);
        Assert.Equal(["192.0.2.0/24", "198.51.100.7"], page.FindAll("[data-testid=as-prefix-row]").Select(r => r.GetAttribute("data-key")));
        Assert.Single(page.FindAll("[data-testid=as-sankey]"));
        Assert.Empty(page.FindAll("[data-testid=error]"));
        Assert.Equal(prerendered, Comparable(page.Markup)); // the same page, not a partial one
    }

    [Fact]
    public void OriginAs_UrlChangesAfterTheCarriedLoad_QueriesAgain()
    {
        Prerender<OriginAs>(OriginAs64500);
        var page = Render<OriginAs>(OriginAs64500);
        Assert.Empty(Queries.SeriesCalls);

        NavigateTo("/as/64500?metric=packets");
        page.Render(OriginAs64500);

        Assert.Equal([TrafficMetric.Packets, TrafficMetric.Packets], Queries.SeriesCalls.Select(q => q.Metric));
    }

    [Fact]
    public void OriginAs_PrerenderedForAnotherAs_Queries()
    {
        Prerender<OriginAs>(OriginAs64500);
        NavigateTo("/as/64501");

        Render<OriginAs>(p => p.Add(c => c.Asn, "64501"));

        Assert.Equal(2, Queries.SeriesCalls.Count);
    }

    [Fact]
    public void Interface_PrerenderedDataPresent_InteractiveRenderShowsItWithoutQuerying()
    {
        NavigateTo("/interfaces/192.0.2.1/7");
        var prerendered = Prerender<Interface>(Interface7);
        var listed = InterfaceCatalog.ListCalls;

        var page = Render<Interface>(Interface7);

        Assert.Equal(0, Queries.SeriesCalls.Count + Counters.SeriesCalls.Count + Counters.RateCalls.Count);
        Assert.Equal(listed, InterfaceCatalog.ListCalls);
        Assert.Equal("Interface xe-0/0/7 (192.0.2.1 if 7)", page.Find("h1").TextContent);
        Assert.Equal("10.0 Gbit/s (sFlow ifSpeed)", page.Find("[data-testid=if-speed]").TextContent);
        Assert.Single(page.FindAll("[data-testid=if-counters]"));
        Assert.Equal(2, page.FindAll("[data-testid=stats-row]").Count);
        Assert.Equal(prerendered, Comparable(page.Markup));
    }

    [Fact]
    public void Interface_UrlChangesAfterTheCarriedLoad_QueriesAgain()
    {
        NavigateTo("/interfaces/192.0.2.1/7");
        Prerender<Interface>(Interface7);
        var page = Render<Interface>(Interface7);
        Assert.Empty(Queries.SeriesCalls);

        NavigateTo("/interfaces/192.0.2.1/7?range=24h");
        page.Render(Interface7);

        Assert.Equal([TimeSpan.FromDays(1), TimeSpan.FromDays(1)], Queries.SeriesCalls.Select(q => q.Range.Duration));
        Assert.Single(Counters.SeriesCalls);
    }

    [Fact]
    public void Interface_PrerenderedForAnotherInterface_Queries()
    {
        NavigateTo("/interfaces/192.0.2.1/7");
        Prerender<Interface>(Interface7);
        NavigateTo("/interfaces/192.0.2.1/8");

        Render<Interface>(p => p.Add(c => c.Exporter, "192.0.2.1").Add(c => c.IfIndex, "8"));

        Assert.Equal(2, Queries.SeriesCalls.Count);
    }

    [Fact]
    public void OriginAsData_JsonRoundTrip_KeepsEverything()
    {
        NavigateTo("/as/64500");
        Render<OriginAs>(OriginAs64500);
        PageState.TriggerOnPersisting();

        Assert.True(PageState.TryTake<PrerenderedLoad>(PrerenderedLoad.KeyOf(typeof(OriginAs)), out var load));
        var data = PageDataJson.FromElement<OriginAsData>(load!.Data)!;
        // The data read back writes the same JSON value that was carried (compared as JSON: escaping may differ).
        Assert.True(System.Text.Json.JsonElement.DeepEquals(PageDataJson.ToElement(data)!.Value, load.Data));
        Assert.Equal(new FlowViz.Web.Components.AsAnalysis.AsInterfaceLabel("xe-0/0/7", "transit", "ntt"), data.Interfaces["192.0.2.1/7"]);
        Assert.Equal([true, true, true, true, false, false, false, false], data.Details!.Tops.Select(t => t.Inbound));
    }
}
