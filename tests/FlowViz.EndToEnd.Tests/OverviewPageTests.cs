using Microsoft.Playwright;

namespace FlowViz.EndToEnd.Tests;

public sealed class OverviewPageTests(AppWithKnownTraffic fixture)
{
    // Blazor navigates within the document (history.pushState): there is no load event to wait for.
    private static readonly PageWaitForURLOptions UrlChange = new() { WaitUntil = WaitUntilState.Commit };

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
        Assert.Contains("bit/s", await page.GetByTestId("traffic-chart").InnerTextAsync(), StringComparison.Ordinal);

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
        await page.WaitForURLAsync(url => url.Contains("range=24h", StringComparison.Ordinal), UrlChange);
        await page.GetByRole(AriaRole.Button, new() { Name = "Packets", Exact = true }).ClickAsync();
        await page.WaitForURLAsync(url => url.Contains("metric=packets", StringComparison.Ordinal), UrlChange);

        Assert.Equal(KnownTraffic.Flows.ToString(), await page.GetByTestId("total-flows").GetAttributeAsync("data-value"));
        await page.GoBackAsync(new PageGoBackOptions { WaitUntil = WaitUntilState.Commit });
        await page.WaitForURLAsync(url => !url.Contains("metric=packets", StringComparison.Ordinal), UrlChange);
        Assert.Empty(errors);
    }
}
