using System.Text.RegularExpressions;
using Microsoft.Playwright;

namespace FlowViz.EndToEnd.Tests;

public sealed class OverviewPageTests(AppWithKnownTraffic fixture)
{
    // Blazor navigates within the document (history.pushState), so the URL is polled rather than awaited
    // as a navigation: a pushState that lands before the wait begins would otherwise be missed.

    [Fact]
    public async Task Overview_AfterKnownExportStream_DrawsTheChartAndShowsTheExactTotals()
    {
        await using var browser = await Browser.LaunchAsync();
        var (page, errors) = await browser.NewPageAsync(timeZone: "Asia/Tokyo");

        await page.GotoAsync(new Uri(fixture.App.BaseAddress, "/?range=1h").ToString());
        await Browser.WaitForInteractiveAsync(page);

        Assert.Equal(KnownTraffic.Flows.ToString(), await page.GetByTestId("total-flows").GetAttributeAsync("data-value"));
        Assert.Equal(KnownTraffic.Packets.ToString(), await page.GetByTestId("total-packets").GetAttributeAsync("data-value"));
        Assert.Equal(KnownTraffic.Bytes.ToString(), await page.GetByTestId("total-bytes").GetAttributeAsync("data-value"));
        var rows = page.GetByTestId("top-row");
        Assert.Equal(["17", "6", "1", "58"], await rows.EvaluateAllAsync<string[]>("rows => rows.map(r => r.dataset.key)"));
        Assert.Contains("Asia/Tokyo", await page.Locator("body").InnerTextAsync(), StringComparison.Ordinal);
        Assert.Contains("bit/s", await page.GetByTestId("chart-bits").GetByTestId("traffic-chart").InnerTextAsync(), StringComparison.Ordinal);
        Assert.Contains("packets/s", await page.GetByTestId("chart-packets").GetByTestId("traffic-chart").InnerTextAsync(), StringComparison.Ordinal);
        Assert.Contains("flows/s", await page.GetByTestId("chart-flows").GetByTestId("traffic-chart").InnerTextAsync(), StringComparison.Ordinal);

        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Artifacts.Screenshot("overview.png"), FullPage = true });
        Assert.Empty(errors);
    }

    [Fact]
    public async Task Overview_PresetClicked_KeepsTheChoiceInTheUrl()
    {
        await using var browser = await Browser.LaunchAsync();
        var (page, errors) = await browser.NewPageAsync();

        await page.GotoAsync(new Uri(fixture.App.BaseAddress, "/?range=1h").ToString());
        await Browser.WaitForInteractiveAsync(page);
        await page.GetByRole(AriaRole.Button, new() { Name = "24h", Exact = true }).ClickAsync();
        await Assertions.Expect(page).ToHaveURLAsync(new Regex("range=24h"));
        await page.GetByRole(AriaRole.Button, new() { Name = "Packets", Exact = true }).ClickAsync();
        await Assertions.Expect(page).ToHaveURLAsync(new Regex("metric=packets"));

        Assert.Equal(KnownTraffic.Flows.ToString(), await page.GetByTestId("total-flows").GetAttributeAsync("data-value"));
        await page.EvaluateAsync("() => history.back()"); // the browser's back button
        await Assertions.Expect(page).Not.ToHaveURLAsync(new Regex("metric=packets"));
        Assert.Empty(errors);
    }
}
