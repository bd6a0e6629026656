using FlowViz.Core.Filtering;
using FlowViz.Web.Tests.Fakes;
using FlowViz.Web.Components.Pages;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;

namespace FlowViz.Web.Tests.Pages;

public class AsAnalysisTests : WebTestContext
{
    public AsAnalysisTests()
    {
        Queries.Series = new SeriesResult(60,
        [
            new TrafficSeries("64500", "AS64500", [new SeriesPoint(1_700_000_000, 8_000), new SeriesPoint(1_700_000_060, 4_000)]),
            new TrafficSeries(TrafficSeries.OtherKey, "Other", [new SeriesPoint(1_700_000_000, 10), new SeriesPoint(1_700_000_060, 0)]),
        ]);
    }

    private IRenderedComponent<AsAnalysis> RenderAt(string uri)
    {
        Services.GetRequiredService<NavigationManager>().NavigateTo(uri);
        return Render<AsAnalysis>();
    }

    [Fact]
    public void Render_Tabs_TablistWithTheShownTabSelected()
    {
        var page = RenderAt("/as?via=ix&range=1h");

        Assert.Equal("tablist", page.Find(".tabs").GetAttribute("role"));
        var tabs = page.FindAll("[role=tab]");
        Assert.Equal(["All", "Via transit", "Via IX", "Via PNI"], tabs.Select(t => t.TextContent));
        Assert.Equal(["false", "false", "true", "false"], tabs.Select(t => t.GetAttribute("aria-selected")));
        Assert.All(tabs, t => Assert.NotNull(t.GetAttribute("href"))); // links: reachable with Tab, Enter follows them
        Assert.Equal("tab-ix", page.Find("[role=tabpanel]").GetAttribute("aria-labelledby"));
        Assert.Equal(new LabelFilter(LabelSubject.Connectivity, FilterSide.Either, "ix"), Assert.Single(Queries.SeriesCalls).Filter);
    }

    [Fact]
    public void Render_AsRow_LinksToOriginAsKeepingRangeAndZone()
    {
        var page = RenderAt("/as?range=24h&tz=utc");

        var link = page.Find("[data-testid=stats-row] a");
        Assert.Equal("as/64500?range=24h&tz=utc", link.GetAttribute("href"));
        Assert.Equal("AS64500", link.TextContent);
    }

    [Fact]
    public void Timer_RelativeRange_RefreshesAtTheNewNow()
    {
        RenderAt("/as?range=1h");

        Clock.Advance(Overview.RefreshInterval);

        Assert.Equal(2, Queries.SeriesCalls.Count);
        Assert.Equal(Sample.Now + Overview.RefreshInterval, Queries.SeriesCalls[1].Range.To);
    }

    [Fact]
    public void Timer_ZoomedFixedRange_DoesNotRefresh()
    {
        RenderAt("/as?from=2026-11-23T05:00:00Z&to=2026-11-23T06:00:00Z");

        Clock.Advance(Overview.RefreshInterval * 3);

        Assert.Single(Queries.SeriesCalls);
    }

    [Fact]
    public void Timer_RefreshFails_KeepsTheFiguresAndShowsTheError()
    {
        var page = RenderAt("/as?range=1h");
        Queries.Failure = new TimeoutException("database did not answer in 30 s");

        Clock.Advance(Overview.RefreshInterval);

        page.WaitForAssertion(() => Assert.Equal("Could not load traffic by AS: database did not answer in 30 s", page.Find("[data-testid=error]").TextContent));
        Assert.Single(page.FindAll("[data-testid=stats-row]"));
    }

    [Fact]
    public void Dispose_Page_StopsRefreshing()
    {
        var page = RenderAt("/as?range=1h");

        page.Instance.Dispose();
        Clock.Advance(Overview.RefreshInterval * 3);

        Assert.Single(Queries.SeriesCalls);
    }

    [Fact]
    public void Render_NoOriginAsRow_PlainTextAndExplained()
    {
        Queries.Series = new SeriesResult(60, [new TrafficSeries("none", "(none)", [new SeriesPoint(1_700_000_000, 8_000)])]);

        var page = RenderAt("/as?range=1h");

        Assert.Empty(page.FindAll("[data-testid=stats-row] a"));
        Assert.Equal("(none)", page.Find("[data-testid=stats-row] th").TextContent.Trim());
        Assert.Single(page.FindAll("[data-testid=no-origin-hint]"));
    }
}
