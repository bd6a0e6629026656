using System.Text.RegularExpressions;
using Microsoft.Playwright;

namespace FlowViz.EndToEnd.Tests;

public sealed class FlowExplorerPageTests(AppWithKnownTraffic fixture)
{
    [Fact]
    public async Task Flows_FilteredKnownTraffic_RowsEqualTheApiAndGraphLinkOpensOverview()
    {
        const string filter = "proto udp";
        var query = $"{fixture.RangeQuery}&filter={Uri.EscapeDataString(filter)}";
        await using var browser = await Browser.LaunchAsync();
        var (page, errors) = await browser.NewPageAsync();

        await page.GotoAsync(new Uri(fixture.App.BaseAddress, $"/flows?{query}&tz=utc").ToString());
        await Browser.WaitForCircuitAsync(page);
        await page.GetByTestId("flow-row").First.WaitForAsync();
        var api = (await fixture.GetJsonAsync($"/api/v1/flows?{query}")).GetProperty("flows").EnumerateArray().ToList();

        var bytes = await page.Locator("[data-testid=flow-bytes]").EvaluateAllAsync<string[]>("cells => cells.map(c => c.dataset.value)");
        Assert.Equal(api.Select(r => (r.GetProperty("bytes").GetInt64() * Math.Max(1, r.GetProperty("sampling_rate").GetInt64())).ToString()), bytes);
        await page.ScreenshotAsync(new() { Path = Artifacts.Screenshot("flows.png"), FullPage = true });

        await page.GetByTestId("graph-overview").ClickAsync();
        await Assertions.Expect(page).ToHaveURLAsync(new Regex("filter=proto(%20|\\+)udp"));
        await Assertions.Expect(page.GetByTestId("filter-input")).ToHaveValueAsync(filter);
        Assert.Empty(errors);
    }

    [Fact]
    public async Task Flows_BadFilter_ShowsItsError()
    {
        await using var browser = await Browser.LaunchAsync();
        var (page, _) = await browser.NewPageAsync();
        await page.GotoAsync(new Uri(fixture.App.BaseAddress, $"/flows?{fixture.RangeQuery}").ToString());
        await Browser.WaitForCircuitAsync(page);

        await page.GetByTestId("filter-input").FillAsync("proto tcp and (");

        await Assertions.Expect(page.GetByTestId("filter-error")).ToBeVisibleAsync();
    }
}
