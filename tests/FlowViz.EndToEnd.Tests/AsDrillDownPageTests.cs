using System.Text.Json;
using System.Text.RegularExpressions;
using FlowViz.Web.Components.Formatting;
using Microsoft.Playwright;

namespace FlowViz.EndToEnd.Tests;

/// <summary>
/// AS analysis, and Origin AS → Interface → Origin AS, in a real browser over the known export stream. softflowd sends
/// AS 0 and interface 0 on every flow, so the drill-down goes AS0 → 127.0.0.1 if 0 → AS0; the figures are checked
/// against the HTTP API for the same range.
/// </summary>
public sealed class AsDrillDownPageTests(AppWithKnownTraffic fixture)
{
    [Fact]
    public async Task AsAnalysis_Table_EqualsTheApiForTheSameRange()
    {
        await using var browser = await Browser.LaunchAsync();
        var (page, errors) = await browser.NewPageAsync();

        await page.GotoAsync(Url($"/as?{fixture.RangeQuery}"));
        await Browser.WaitForInteractiveAsync(page);

        var api = await fixture.GetJsonAsync($"/api/v1/as/traffic?limit={Web.Components.Pages.AsAnalysis.TopLimit}&{fixture.RangeQuery}");
        var expected = api.GetProperty("top").GetProperty("rows").EnumerateArray()
            .Select(r => (Key: r.GetProperty("key").GetString()!, Total: TrafficUnits.ByteCount(r.GetProperty("bytes").GetInt64())))
            .OrderBy(r => r.Key, StringComparer.Ordinal).ToList();
        Assert.NotEmpty(expected);
        var rows = page.GetByTestId("stats-row");
        await Assertions.Expect(rows).ToHaveCountAsync(expected.Count);
        var shown = new List<(string, string)>();
        for (var i = 0; i < expected.Count; i++)
        {
            var row = rows.Nth(i);
            shown.Add(((await row.GetAttributeAsync("data-key"))!, (await row.Locator("td").Last.InnerTextAsync()).Trim()));
        }
        Assert.Equal(expected, shown.OrderBy(r => r.Item1, StringComparer.Ordinal));
        await Assertions.Expect(page.GetByRole(AriaRole.Tab, new() { Name = "All" })).ToHaveAttributeAsync("aria-selected", "true");
        await Assertions.Expect(page.Locator("[data-testid=stats-row][data-key=none] a")).ToHaveCountAsync(0); // no AS to go to
        await Assertions.Expect(page.GetByTestId("no-origin-hint")).ToBeVisibleAsync();

        await Accessibility.AssertNoSeriousViolationsAsync(page);
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Artifacts.Screenshot("as-analysis.png"), FullPage = true });
        Assert.Empty(errors);
    }

    [Fact]
    public async Task OriginAs_ClickInterface_InterfacePageListsThatAs_ClickAs_BackToIt()
    {
        await using var browser = await Browser.LaunchAsync();
        var (page, errors) = await browser.NewPageAsync();
        // Known traffic has no directions, so /as has only "(none)" (no origin AS) and the drill-down starts at AS 0's page.
        await page.GotoAsync(Url($"/as/0?{fixture.RangeQuery}"));
        await Browser.WaitForInteractiveAsync(page);

        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Origin AS 0");
        var interfaceRow = page.Locator("[data-testid=as-interfaces] [data-testid=stats-row][data-key='127.0.0.1/0']");
        await Assertions.Expect(interfaceRow.GetByTestId("stats-detail").First).ToHaveTextAsync("127.0.0.1");
        await Assertions.Expect(page.GetByTestId("as-sankey")).ToBeVisibleAsync();
        // The tables read from the raw flows come after the charts (the prerender leaves them out), then replace the notice.
        await Assertions.Expect(page.GetByTestId("as-prefixes-panel")).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByTestId("as-top")).ToHaveCountAsync(8);
        await Assertions.Expect(page.GetByTestId("as-details-loading")).ToHaveCountAsync(0);
        var inbound = await fixture.GetJsonAsync($"/api/v1/as/0/interfaces?{fixture.RangeQuery}");
        Assert.Equal("127.0.0.1/0", inbound.GetProperty("inbound").GetProperty("rows")[0].GetProperty("key").GetString());
        await Accessibility.AssertNoSeriousViolationsAsync(page);
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Artifacts.Screenshot("origin-as.png"), FullPage = true });

        await interfaceRow.Locator("a").ClickAsync();

        await Assertions.Expect(page).ToHaveURLAsync(new Regex("/interfaces/127.0.0.1/0\\?from="));
        await Assertions.Expect(page.Locator("h1")).ToContainTextAsync("127.0.0.1 if 0"); // named when the exporter sent options data
        var asRow = page.Locator("[data-testid=if-inbound-table] [data-testid=stats-row][data-key='0']");
        await Assertions.Expect(asRow.Locator("a")).ToHaveTextAsync("AS0");
        var api = await fixture.GetJsonAsync($"/api/v1/interfaces/127.0.0.1/0/as?{fixture.RangeQuery}");
        var apiInbound = api.GetProperty("inbound").GetProperty("rows")[0];
        Assert.Equal("0", apiInbound.GetProperty("key").GetString());
        Assert.Equal(TrafficUnits.ByteCount(apiInbound.GetProperty("bytes").GetInt64()), (await asRow.Locator("td").Last.InnerTextAsync()).Trim());
        await Accessibility.AssertNoSeriousViolationsAsync(page);
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Artifacts.Screenshot("interface.png"), FullPage = true });

        await asRow.Locator("a").ClickAsync(); // and back to the AS: the drill-down closes the loop
        await Assertions.Expect(page).ToHaveURLAsync(new Regex("/as/0\\?from="));
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Origin AS 0");
        Assert.Empty(errors);
    }

    [Fact]
    public async Task OriginAs_PrerenderedHtml_HasTheChartsAndSaysTheRawFlowTablesAreLoading()
    {
        var html = await fixture.App.Http.GetStringAsync($"/as/0?{fixture.RangeQuery}", TestContext.Current.CancellationToken);

        Assert.Contains("data-testid=\"as-interfaces-chart\"", html, StringComparison.Ordinal);
        Assert.Contains("traffic-chart-static", html, StringComparison.Ordinal); // the chart's picture, painted with the HTML
        Assert.Contains("data-testid=\"as-details-loading\"", html, StringComparison.Ordinal);
        Assert.DoesNotContain("data-testid=\"as-top\"", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task InterfacePage_BadIndex_ClearError()
    {
        await using var browser = await Browser.LaunchAsync();
        var (page, errors) = await browser.NewPageAsync();

        await page.GotoAsync(Url("/interfaces/127.0.0.1/eth0"));
        await Browser.WaitForCircuitAsync(page);

        await Assertions.Expect(page.GetByTestId("error")).ToHaveTextAsync("\"eth0\" is not an interface index: use a whole number from 0 to 4294967295.");
        Assert.Empty(errors);
    }

    private string Url(string path) => new Uri(fixture.App.BaseAddress, path).ToString();
}
