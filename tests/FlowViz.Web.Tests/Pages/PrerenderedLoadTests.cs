using FlowViz.Web.Components.Pages;
using FlowViz.Web.Components.Prerendering;
using FlowViz.Web.Tests.Fakes;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;

namespace FlowViz.Web.Tests.Pages;

/// <summary>
/// A page's first render plays the prerender: its state is persisted as at the end of a prerendered response, and a
/// second instance of the page plays the interactive render that the response's circuit starts.
/// </summary>
public class PrerenderedLoadTests : WebTestContext
{
    public PrerenderedLoadTests()
    {
        Queries.Totals = Sample.Totals;
        Queries.Top = new TopResult([new TopRow("198.51.100.7", "198.51.100.7", 3, 30, 3_000)], TrafficTotals.Zero);
        Queries.SeriesAnswer = query => query.Split == SeriesSplit.Direction ? SampleDirections.Series() : Sample.Series();
    }

    private int QueryCount => Queries.SummaryQueries.Count + Queries.SummaryCalls.Count + Queries.TopCalls.Count + Queries.SeriesCalls.Count;

    private void ForgetQueries()
    {
        Queries.SummaryQueries.Clear();
        Queries.SummaryCalls.Clear();
        Queries.TopCalls.Clear();
        Queries.SeriesCalls.Clear();
    }

    private void Prerender<TPage>(Action<ComponentParameterCollectionBuilder<TPage>>? parameters = null) where TPage : IComponent
    {
        Render<TPage>(parameters ?? (_ => { }));
        Assert.NotEqual(0, QueryCount);
        PageState.TriggerOnPersisting();
        DisposeComponentsAsync().GetAwaiter().GetResult(); // the prerender's instance ends with its response
        ForgetQueries();
    }

    [Fact]
    public void Overview_PrerenderedDataPresent_InteractiveRenderShowsItWithoutQuerying()
    {
        Prerender<Overview>();

        var page = Render<Overview>();

        Assert.Equal(0, QueryCount);
        Assert.Equal("12345", page.Find("[data-testid=total-flows]").GetAttribute("data-value"));
        Assert.Single(page.FindAll("[data-testid=top-row]"));
        Assert.Equal(["bit/s", "packets/s", "flows/s"], page.FindAll("[data-testid=traffic-chart]").Select(c => c.GetAttribute("data-unit")));
        Assert.Equal(3 * 2, ChartModule.Invocations["create"].Count); // the prerender's three charts (bUnit runs them too), then these
        Assert.Equal(
            ChartModule.Invocations["create"][0].Arguments[1]!.ToString(),
            ChartModule.Invocations["create"][3].Arguments[1]!.ToString());
    }

    [Fact]
    public void Overview_PrerenderedDataTaken_RefreshStillQueries()
    {
        Prerender<Overview>();
        Render<Overview>();

        Clock.Advance(Overview.RefreshInterval);

        Assert.Single(Queries.SummaryQueries);
        Assert.Equal(Sample.Now + Overview.RefreshInterval, Queries.SeriesCalls[0].Range.To);
    }

    [Fact]
    public void Overview_PrerenderedForAnotherAddress_Queries()
    {
        Prerender<Overview>();
        Services.GetRequiredService<NavigationManager>().NavigateTo("/?metric=packets");

        Render<Overview>();

        Assert.Single(Queries.SummaryQueries);
        Assert.Equal(3, Queries.SeriesCalls.Count);
    }

    [Fact]
    public void Overview_TakenOnce_ASecondInstanceQueries()
    {
        Prerender<Overview>();
        Render<Overview>();

        Render<Overview>();

        Assert.Single(Queries.SummaryQueries);
    }

    [Fact]
    public void Overview_QueryFailed_NothingPersisted()
    {
        Queries.Failure = new TimeoutException("database did not answer in 30 s");
        Render<Overview>();

        PageState.TriggerOnPersisting();

        Assert.False(PageState.TryTake<PrerenderedLoad>(PrerenderedLoad.KeyOf(typeof(Overview)), out _));
    }

    [Fact]
    public void HostTraffic_PrerenderedDataPresent_InteractiveRenderShowsTuplesAndRangesWithoutQuerying()
    {
        Prerender<HostTraffic>(p => p.Add(c => c.Address, "10.0.0.1"));

        var page = Render<HostTraffic>(p => p.Add(c => c.Address, "10.0.0.1"));

        Assert.Equal(0, QueryCount);
        Assert.Equal(4, page.FindAll("[data-testid=host-top-row]").Count);
        Assert.Single(page.FindAll("[data-testid=direction-table]"));
        Assert.Equal(2, page.FindAll("[data-testid=series-stats]").Count);
        Assert.Empty(page.FindAll("[data-testid=error]"));
    }

    [Fact]
    public void HostTraffic_Prerender_AsksForTheChartsOnlyAndSaysTheTablesAreLoading()
    {
        SetRendererInfo(new RendererInfo("Static", isInteractive: false));

        var page = Render<HostTraffic>(p => p.Add(c => c.Address, "10.0.0.1"));

        Assert.Empty(Queries.TopCalls);
        Assert.Equal(3, Queries.SeriesCalls.Count);
        Assert.Single(Queries.SummaryQueries);
        Assert.Equal(3, page.FindAll("[data-testid=traffic-chart]").Count);
        Assert.Equal("Loading the peers and countries of 10.0.0.1…", page.Find("[data-testid=host-tops-loading]").TextContent);
        Assert.Empty(page.FindAll("[data-testid=host-top]"));
    }

    [Fact]
    public void HostTraffic_PrerenderLeftTheTablesOut_InteractiveRenderShowsItAndAsksForTheTablesOnly()
    {
        SetRendererInfo(new RendererInfo("Static", isInteractive: false));
        Prerender<HostTraffic>(p => p.Add(c => c.Address, "10.0.0.1"));
        SetRendererInfo(new RendererInfo("Server", isInteractive: true));
        var held = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        Queries.Hold = held.Task;

        var page = Render<HostTraffic>(p => p.Add(c => c.Address, "10.0.0.1"));

        Assert.Single(page.FindAll("[data-testid=host-tops-loading]")); // the carried charts, the tables on their way
        Assert.Equal(3, page.FindAll("[data-testid=traffic-chart]").Count);
        held.SetResult();
        page.WaitForAssertion(() => Assert.Equal(4, page.FindAll("[data-testid=host-top-row]").Count));
        Assert.Empty(page.FindAll("[data-testid=host-tops-loading]"));
        Assert.Equal(4, Queries.TopCalls.Count);
        Assert.Empty(Queries.SeriesCalls); // only what the prerender left out
        Assert.Empty(Queries.SummaryQueries);
    }

    [Fact]
    public void HostTraffic_TablesAfterThePrerenderFail_ChartsStayAndTheErrorReplacesTheLoadingNotice()
    {
        SetRendererInfo(new RendererInfo("Static", isInteractive: false));
        Prerender<HostTraffic>(p => p.Add(c => c.Address, "10.0.0.1"));
        SetRendererInfo(new RendererInfo("Server", isInteractive: true));
        Queries.Failure = new TimeoutException("database did not answer in 30 s");

        var page = Render<HostTraffic>(p => p.Add(c => c.Address, "10.0.0.1"));

        Assert.Equal("Could not load traffic of host 10.0.0.1: database did not answer in 30 s", page.Find("[data-testid=error]").TextContent);
        Assert.Equal(3, page.FindAll("[data-testid=traffic-chart]").Count);
        Assert.Empty(page.FindAll("[data-testid=host-tops-loading]"));
    }

    [Fact]
    public void HostTraffic_PrerenderedForAnotherHost_Queries()
    {
        Prerender<HostTraffic>(p => p.Add(c => c.Address, "10.0.0.1"));
        Services.GetRequiredService<NavigationManager>().NavigateTo("/hosts/10.0.0.2");

        Render<HostTraffic>(p => p.Add(c => c.Address, "10.0.0.2"));

        Assert.Single(Queries.SummaryQueries);
    }

    [Fact]
    public void Applications_PrerenderedDataPresent_InteractiveRenderDoesNotQuery()
    {
        Prerender<Applications>();

        var page = Render<Applications>();

        Assert.Equal(0, QueryCount);
        Assert.NotEmpty(page.FindAll("[data-testid=traffic-chart]"));
    }

    [Fact]
    public void Hosts_PrerenderedDataPresent_InteractiveRenderDoesNotQuery()
    {
        Prerender<Hosts>();

        var page = Render<Hosts>();

        Assert.Equal(0, QueryCount);
        Assert.NotEmpty(page.FindAll("[data-testid=host-row]"));
    }

    [Fact]
    public void AsAnalysis_PrerenderedDataPresent_InteractiveRenderDoesNotQuery()
    {
        Prerender<AsAnalysis>();

        var page = Render<AsAnalysis>();

        Assert.Equal(0, QueryCount);
        Assert.NotEmpty(page.FindAll("[data-testid=traffic-chart]"));
    }
}
