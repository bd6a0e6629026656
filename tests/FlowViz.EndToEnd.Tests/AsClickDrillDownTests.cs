using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;
using FlowViz.Web.Components.Formatting;
using Microsoft.Playwright;

namespace FlowViz.EndToEnd.Tests;

/// <summary>
/// The drill-down a NOC makes with the mouse, over traffic with real origin ASes (<see cref="DirectionalTraffic"/>):
/// click an AS on <c>/as</c>, land on its Origin AS page, click the interface it enters by, land on that interface's page
/// listing the AS. URLs and figures are checked against the API for the same range; axe runs on each page in both themes.
/// </summary>
[Collection(DirectionalAppCollection.Name)]
public sealed class AsClickDrillDownTests(DirectionalApp fixture)
{
    private static readonly DirectionalTraffic.Peer Red = DirectionalTraffic.Red;

    [Fact]
    public async Task AsAnalysis_ClickAs_OriginAsPage_ClickInterface_InterfacePageListsTheAs()
    {
        await using var browser = await Browser.LaunchAsync();
        var (page, errors) = await browser.NewPageAsync();
        var asKey = Red.As.ToString(CultureInfo.InvariantCulture);
        var interfaceKey = $"{DirectionalTraffic.Exporter}/{Red.Interface}";

        await page.GotoAsync(fixture.Url($"/as?{fixture.RangeQuery}"));
        await Browser.WaitForInteractiveAsync(page);
        var asRow = page.Locator($"[data-testid=stats-row][data-key='{asKey}']");
        var byAs = await fixture.GetJsonAsync($"/api/v1/as/traffic?limit={Web.Components.Pages.AsAnalysis.TopLimit}&{fixture.RangeQuery}");
        var apiAs = Row(byAs.GetProperty("top"), asKey);
        Assert.Equal(DirectionalTraffic.Bytes(Red, inbound: true) + DirectionalTraffic.Bytes(Red, inbound: false), apiAs);
        await Assertions.Expect(asRow.Locator("td").Last).ToHaveTextAsync(TrafficUnits.ByteCount(apiAs));
        await Assertions.Expect(page.GetByTestId("no-origin-hint")).ToHaveCountAsync(0); // every flow has a direction here
        await AccessibleInBothThemesAsync(page, "as-analysis-directional");

        await asRow.Locator("a").ClickAsync();

        await Assertions.Expect(page).ToHaveURLAsync(new Regex($"/as/{asKey}\\?from="));
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync($"Origin AS {asKey}");
        var entering = page.Locator($"[data-testid=as-interfaces] [data-testid=stats-row][data-key='{interfaceKey}']");
        var leaving = page.Locator($"[data-testid=as-outbound-interfaces] [data-testid=stats-row][data-key='{interfaceKey}']");
        var interfaces = await fixture.GetJsonAsync($"/api/v1/as/{asKey}/interfaces?{fixture.RangeQuery}");
        var apiEntering = Row(interfaces.GetProperty("inbound"), interfaceKey);
        var apiLeaving = Row(interfaces.GetProperty("outbound"), interfaceKey);
        Assert.Equal(DirectionalTraffic.Bytes(Red, inbound: true), apiEntering);
        Assert.Equal(DirectionalTraffic.Bytes(Red, inbound: false), apiLeaving);
        await Assertions.Expect(entering.Locator("td").Last).ToHaveTextAsync(TrafficUnits.ByteCount(apiEntering));
        await Assertions.Expect(leaving.Locator("td").Last).ToHaveTextAsync(TrafficUnits.ByteCount(apiLeaving));
        await Assertions.Expect(entering.GetByTestId("stats-detail").First).ToHaveTextAsync(DirectionalTraffic.Exporter);
        // Traffic to the AS: the local hosts that sent to it, as the API's top source addresses with destination AS = it.
        var senders = await fixture.GetJsonAsync(
            $"/api/v1/top?by=src_addr&limit={Web.Components.Pages.OriginAs.TopLimit}&filter={Uri.EscapeDataString($"dst as {asKey}")}&{fixture.RangeQuery}");
        var expectedSenders = senders.GetProperty("rows").EnumerateArray()
            .Select(r => $"{r.GetProperty("key").GetString()} {TrafficUnits.ByteCount(r.GetProperty("bytes").GetInt64())}")
            .Order(StringComparer.Ordinal).ToList();
        Assert.Equal(["192.168.50.1 800 B", "192.168.50.2 800 B", "192.168.50.3 800 B"], expectedSenders); // the ssh batch to Red
        var localSenders = page.GetByTestId("as-tops-out").GetByTestId("as-top").First.GetByTestId("as-top-row");
        await Assertions.Expect(localSenders).ToHaveCountAsync(expectedSenders.Count);
        var shownSenders = new List<string>();
        for (var i = 0; i < expectedSenders.Count; i++)
        {
            var cells = localSenders.Nth(i).Locator("td");
            shownSenders.Add($"{(await cells.First.InnerTextAsync()).Trim()} {(await cells.Last.InnerTextAsync()).Trim()}");
        }
        Assert.Equal(expectedSenders, shownSenders.Order(StringComparer.Ordinal));
        await AccessibleInBothThemesAsync(page, "origin-as-directional");

        await entering.Locator("a").ClickAsync();

        await Assertions.Expect(page).ToHaveURLAsync(new Regex($"/interfaces/{Regex.Escape(DirectionalTraffic.Exporter)}/{Red.Interface}\\?from="));
        await Assertions.Expect(page.Locator("h1")).ToContainTextAsync($"{DirectionalTraffic.Exporter} if {Red.Interface}");
        var sources = page.Locator($"[data-testid=if-inbound-table] [data-testid=stats-row][data-key='{asKey}']");
        var destinations = page.Locator($"[data-testid=if-outbound-table] [data-testid=stats-row][data-key='{asKey}']");
        var ases = await fixture.GetJsonAsync($"/api/v1/interfaces/{DirectionalTraffic.Exporter}/{Red.Interface}/as?{fixture.RangeQuery}");
        var apiSources = Row(ases.GetProperty("inbound"), asKey);
        var apiDestinations = Row(ases.GetProperty("outbound"), asKey);
        Assert.Equal(DirectionalTraffic.Bytes(Red, inbound: true), apiSources);
        Assert.Equal(DirectionalTraffic.Bytes(Red, inbound: false), apiDestinations);
        await Assertions.Expect(sources.Locator("a")).ToHaveTextAsync($"AS{asKey}");
        await Assertions.Expect(sources.Locator("td").Last).ToHaveTextAsync(TrafficUnits.ByteCount(apiSources));
        await Assertions.Expect(destinations.Locator("td").Last).ToHaveTextAsync(TrafficUnits.ByteCount(apiDestinations));
        // Only the AS whose interface this is: the other AS enters and leaves by its own.
        await Assertions.Expect(page.Locator("[data-testid=if-inbound-table] [data-testid=stats-row]")).ToHaveCountAsync(1);
        await AccessibleInBothThemesAsync(page, "interface-directional");
        Assert.Empty(errors);
    }

    /// <summary>The bytes of the row keyed <paramref name="key"/> in a top answer ({"rows": [...]}).</summary>
    private static long Row(JsonElement top, string key) =>
        top.GetProperty("rows").EnumerateArray().Single(r => r.GetProperty("key").GetString() == key).GetProperty("bytes").GetInt64();

    /// <summary>axe in the theme the page has, then in the other (the toggle's choice is kept for the next page), with a screenshot of each.</summary>
    private static async Task AccessibleInBothThemesAsync(IPage page, string name)
    {
        var html = page.Locator("html");
        var first = await html.GetAttributeAsync("data-theme") ?? "light";
        await Accessibility.AssertNoSeriousViolationsAsync(page);
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Artifacts.Screenshot($"{name}-{first}.png"), FullPage = true });
        var second = first == "dark" ? "light" : "dark";
        await page.GetByTestId("theme-toggle").ClickAsync();
        await Assertions.Expect(html).ToHaveAttributeAsync("data-theme", second);
        await Accessibility.AssertNoSeriousViolationsAsync(page);
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Artifacts.Screenshot($"{name}-{second}.png"), FullPage = true });
    }
}
