using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.Playwright;

namespace FlowViz.EndToEnd.Tests;

/// <summary>
/// The applications and hosts pages against the known softflowd traffic: their numbers equal the API's for the same
/// query (and the fixture's nfdump totals), the host link opens the host's page, no console errors, axe passes.
/// </summary>
public sealed class ApplicationsAndHostsPageTests(AppWithKnownTraffic fixture)
{
    private static readonly string[] Directions = ["out", "in", "other"];

    [Fact]
    public async Task Applications_KnownTraffic_LegendEqualsTheSeriesApiAndTotalIsEveryFlow()
    {
        await using var browser = await Browser.LaunchAsync();
        var (page, errors) = await browser.NewPageAsync();

        await page.GotoAsync(Url($"/applications?{fixture.RangeQuery}&metric=flows"));
        await Browser.WaitForInteractiveAsync(page);

        // Per application: the flows out, in and internal/transit (columns 1, 3, 5), as the page shows them.
        var shown = await page.GetByTestId("direction-table").Locator("tbody tr").EvaluateAllAsync<string[][]>(
            "rows => rows.map(r => [r.dataset.key, r.children[1].dataset.value, r.children[3].dataset.value, r.children[5].dataset.value])");
        var api = await fixture.GetJsonAsync($"/api/v1/series?by=application&split=direction&metric=flows&limit=10&{fixture.RangeQuery}");
        var expected = api.GetProperty("series").EnumerateArray()
            .GroupBy(s => s.GetProperty("key").GetString()!)
            .Select(key => Directions.Select(direction => key
                    .Where(s => s.GetProperty("direction").GetString() == direction)
                    .Sum(s => s.GetProperty("statistics").GetProperty("total").GetDouble()))
                .Select(total => Math.Round(total).ToString(CultureInfo.InvariantCulture))
                .Prepend(key.Key).ToArray())
            .ToArray();
        Assert.NotEmpty(expected);
        Assert.Equal(expected, shown);
        var total = page.GetByTestId("direction-total").Locator("td").Last;
        Assert.Equal(KnownTraffic.Flows.ToString(CultureInfo.InvariantCulture), await total.GetAttributeAsync("data-value"));
        var chart = page.GetByTestId("applications-chart").GetByTestId("traffic-chart");
        Assert.Contains("flows/s", await chart.InnerTextAsync(), StringComparison.Ordinal);

        await Accessibility.AssertNoSeriousViolationsAsync(page);
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Artifacts.Screenshot("applications.png"), FullPage = true });
        Assert.Empty(errors);
    }

    [Fact]
    public async Task Hosts_KnownTraffic_TableEqualsTheTopApiAndSorts()
    {
        await using var browser = await Browser.LaunchAsync();
        var (page, errors) = await browser.NewPageAsync();

        await page.GotoAsync(Url($"/hosts?{fixture.RangeQuery}"));
        await Browser.WaitForCircuitAsync(page);
        await page.GetByTestId("host-row").First.WaitForAsync();

        var shown = await HostRowsAsync(page);
        var api = await fixture.GetJsonAsync($"/api/v1/top?by=local_host&metric=bytes&limit=25&{fixture.RangeQuery}");
        var expected = api.GetProperty("rows").EnumerateArray()
            .Select(row => new[] { row.GetProperty("key").GetString()! }.Concat(
                new[] { "flows", "packets", "bytes" }.Select(n => row.GetProperty(n).GetInt64().ToString(CultureInfo.InvariantCulture))).ToArray())
            .ToArray();
        Assert.NotEmpty(expected);
        Assert.Equal(expected, shown);
        Assert.Equal(KnownTraffic.Flows, shown.Sum(row => long.Parse(row[1], CultureInfo.InvariantCulture)) + OtherFlows(api));
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Artifacts.Screenshot("hosts.png"), FullPage = true });

        await page.GetByTestId("sort-Flows").ClickAsync();
        await Assertions.Expect(page.Locator("th:has([data-testid=sort-Flows])")).ToHaveAttributeAsync("aria-sort", "descending");
        var flows = (await HostRowsAsync(page)).Select(row => long.Parse(row[1], CultureInfo.InvariantCulture)).ToArray();
        Assert.Equal(flows.OrderDescending(), flows);

        await Accessibility.AssertNoSeriousViolationsAsync(page);
        Assert.Empty(errors);
    }

    [Fact]
    public async Task HostLink_OpensTheHostPageWithItsTotalsFromTheApi()
    {
        await using var browser = await Browser.LaunchAsync();
        var (page, errors) = await browser.NewPageAsync();
        await page.GotoAsync(Url($"/hosts?{fixture.RangeQuery}"));
        await Browser.WaitForCircuitAsync(page);
        var link = page.GetByTestId("host-link").First;
        var address = await link.InnerTextAsync();

        await link.FocusAsync();
        await page.Keyboard.PressAsync("Enter"); // keyboard reachable

        await Assertions.Expect(page).ToHaveURLAsync(new Regex("/hosts/" + Regex.Escape(Uri.EscapeDataString(address)) + @"\?from="));
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync($"Host {address}");
        await page.Locator("[data-testid=traffic-chart] svg.apexcharts-svg").First.WaitForAsync();
        var summary = await fixture.GetJsonAsync($"/api/v1/summary?filter={Uri.EscapeDataString("host " + address)}&{fixture.RangeQuery}");
        Assert.Equal(summary.GetProperty("flows").GetInt64().ToString(CultureInfo.InvariantCulture),
            await page.GetByTestId("total-flows").GetAttributeAsync("data-value"));
        var peers = await fixture.GetJsonAsync($"/api/v1/top?by=dst_addr&filter={Uri.EscapeDataString("host " + address)}&{fixture.RangeQuery}");
        await Assertions.Expect(page.GetByTestId("host-top")).ToHaveCountAsync(4);
        var shownPeers = await page.GetByTestId("host-top").Nth(1).GetByTestId("host-top-row").EvaluateAllAsync<string[]>("rows => rows.map(r => r.dataset.key)");
        Assert.Equal(peers.GetProperty("rows").EnumerateArray().Select(r => r.GetProperty("key").GetString()), shownPeers);

        await Accessibility.AssertNoSeriousViolationsAsync(page);
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Artifacts.Screenshot("host.png"), FullPage = true });
        Assert.Empty(errors);
    }

    [Fact]
    public async Task HostPage_BadAddress_SaysWhatIsWrong()
    {
        await using var browser = await Browser.LaunchAsync();
        var (page, errors) = await browser.NewPageAsync();

        await page.GotoAsync(Url("/hosts/10.0.1"));
        await Browser.WaitForCircuitAsync(page);

        await Assertions.Expect(page.GetByTestId("error")).ToHaveTextAsync(
            "\"10.0.1\" is not an IP address: use an IPv4 address such as 192.0.2.1 or an IPv6 address such as 2001:db8::1.");
        Assert.Empty(errors);
    }

    private string Url(string pathAndQuery) => new Uri(fixture.App.BaseAddress, pathAndQuery).ToString();

    // Key, flows, packets, bytes (columns 4, 5, 6) of each host row.
    private static Task<string[][]> HostRowsAsync(IPage page) =>
        page.GetByTestId("host-row").EvaluateAllAsync<string[][]>(
            "rows => rows.map(r => [r.dataset.key, r.children[4].dataset.value, r.children[5].dataset.value, r.children[6].dataset.value])");

    private static long OtherFlows(JsonElement top) => top.GetProperty("other").GetProperty("flows").GetInt64();
}
