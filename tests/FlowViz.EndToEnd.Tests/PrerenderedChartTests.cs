using Microsoft.Playwright;

namespace FlowViz.EndToEnd.Tests;

/// <summary>
/// The charts are drawn from the prerendered HTML before Blazor's circuit is up, and the interactive render adopts the
/// chart drawn rather than drawing another. The circuit is held back by intercepting its negotiate request: a proof of
/// the order, not a timing.
/// </summary>
public sealed class PrerenderedChartTests(AppWithKnownTraffic fixture)
{
    private const string Area = "[data-testid=chart-bits] [data-testid=traffic-chart] .apexcharts-area-series path.apexcharts-area";

    [Fact]
    public async Task Overview_CircuitBlocked_ChartsDrawnFromThePrerenderWithTheirUnits()
    {
        await using var browser = await Browser.LaunchAsync();
        var (page, _) = await browser.NewPageAsync(); // Blazor reports the refused connection as errors: not asserted here
        await page.RouteAsync("**/_blazor/negotiate**", route => route.AbortAsync());

        await page.GotoAsync(new Uri(fixture.App.BaseAddress, $"/?{fixture.RangeQuery}").ToString());

        await Assertions.Expect(page.Locator(Area).First).ToBeVisibleAsync(new() { Timeout = 60_000 });
        await Assertions.Expect(page.Locator("[data-testid=chart-flows] .apexcharts-area-series path.apexcharts-area").First)
            .ToBeVisibleAsync(new() { Timeout = 60_000 });
        Assert.Contains("bit/s", await page.GetByTestId("chart-bits").Locator(".apexcharts-yaxis-title").TextContentAsync() ?? "", StringComparison.Ordinal);
        Assert.Contains("TCP", await page.GetByTestId("chart-bits").Locator(".apexcharts-legend").TextContentAsync() ?? "", StringComparison.Ordinal);
        Assert.False(await page.EvaluateAsync<bool>("() => window.__circuitReady === true"));
        Assert.Equal("false", await page.Locator(".page-head").GetAttributeAsync("data-interactive"));
        // Each chart drawn has taken the place of the server's static picture of it.
        await Assertions.Expect(page.Locator(".traffic-chart-static")).ToHaveCountAsync(0);
        await Assertions.Expect(page.Locator(".traffic-chart-host").First).ToBeVisibleAsync();
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Artifacts.Screenshot("overview-before-circuit.png") });
    }

    [Fact]
    public async Task ChartPages_NoApexChartsNoCircuit_TheServersPictureShowsTheTrafficWithItsAxes()
    {
        await using var browser = await Browser.LaunchAsync();
        var (page, _) = await browser.NewPageAsync(); // the refused connection and script are reported as errors: not asserted
        await page.RouteAsync("**/_blazor/negotiate**", route => route.AbortAsync());
        await page.RouteAsync("**/lib/apexcharts.min.js", route => route.AbortAsync());

        await page.GotoAsync(new Uri(fixture.App.BaseAddress, $"/?{fixture.RangeQuery}").ToString());

        var bits = page.GetByTestId("chart-bits");
        await Assertions.Expect(bits.Locator(".traffic-chart-static path.traffic-chart-static-area").First).ToBeVisibleAsync(new() { Timeout = 60_000 });
        var payload = System.Text.Json.JsonDocument.Parse(await bits.Locator("[data-prerendered]").GetAttributeAsync("data-prerendered") ?? "{}").RootElement;
        var names = payload.GetProperty("series").EnumerateArray().Select(s => s.GetProperty("name").GetString() ?? "").ToList();
        Assert.Equal(names, await bits.Locator(".static-legend li").AllTextContentsAsync()); // one area and entry per series
        await Assertions.Expect(bits.Locator("path.traffic-chart-static-area")).ToHaveCountAsync(names.Count);
        Assert.StartsWith("bit/s", await bits.Locator(".static-title").TextContentAsync() ?? "", StringComparison.Ordinal);
        Assert.All(await bits.Locator(".static-values span:not(.sizer)").AllTextContentsAsync(), label => Assert.EndsWith("bit/s", label, StringComparison.Ordinal));
        Assert.NotEmpty(await bits.Locator(".static-times span").AllTextContentsAsync());
        Assert.Equal(0, await page.Locator(".apexcharts-canvas").CountAsync());
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Artifacts.Screenshot("overview-static-picture.png") });
        await Accessibility.AssertNoSeriousViolationsAsync(page);

        await page.GotoAsync(new Uri(fixture.App.BaseAddress, $"/applications?{fixture.RangeQuery}").ToString());

        var mirrored = page.GetByTestId("applications-chart");
        await Assertions.Expect(mirrored.Locator("path.traffic-chart-static-area").First).ToBeVisibleAsync(new() { Timeout = 60_000 });
        await Assertions.Expect(mirrored.Locator(".static-title")).ToContainTextAsync("(out ↑, in ↓)");
        await Assertions.Expect(mirrored.Locator("line.static-axis")).ToHaveCountAsync(1);
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Artifacts.Screenshot("applications-static-picture.png") });
    }

    [Fact]
    public async Task Overview_CircuitComesUp_AdoptsTheDrawnChartsAndZoomStillWorks()
    {
        await using var browser = await Browser.LaunchAsync();
        var (page, errors) = await browser.NewPageAsync();
        var circuitMayStart = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        await page.RouteAsync("**/_blazor/negotiate**", async route =>
        {
            await circuitMayStart.Task.WaitAsync(TimeSpan.FromSeconds(120));
            await route.ContinueAsync();
        });
        await page.GotoAsync(new Uri(fixture.App.BaseAddress, $"/?{fixture.RangeQuery}").ToString());
        await Assertions.Expect(page.Locator(Area).First).ToBeVisibleAsync(new() { Timeout = 60_000 });
        await page.EvaluateAsync("() => window.__drawn = [...document.querySelectorAll('.traffic-chart-host')]");

        circuitMayStart.SetResult();
        await Browser.WaitForInteractiveAsync(page);

        // The same three chart hosts, now inside the interactive render's containers, and no second chart anywhere.
        Assert.True(await page.EvaluateAsync<bool>("""
            () => {
                const hosts = [...document.querySelectorAll('.traffic-chart-host')];
                return window.__drawn.length === 3 && hosts.length === 3 && hosts.every((h, i) => h === window.__drawn[i])
                    && hosts.every(h => h.isConnected && !h.parentElement.hasAttribute('data-prerendered'));
            }
            """));
        await Assertions.Expect(page.Locator("[data-testid=traffic-chart][data-interactive=true]")).ToHaveCountAsync(3);
        Assert.Empty(errors);
    }

    [Fact]
    public async Task Overview_CircuitBeforeApexCharts_TheServersPicturesStayUntilTheChartsAreDrawn()
    {
        await using var browser = await Browser.LaunchAsync();
        var (page, errors) = await browser.NewPageAsync();
        var apexMayLoad = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        await page.RouteAsync("**/lib/apexcharts.min.js", async route =>
        {
            await apexMayLoad.Task.WaitAsync(TimeSpan.FromSeconds(120));
            await route.ContinueAsync();
        });
        // Not until "load": the held script (preloaded in the head, or injected before load) holds the load event back.
        await page.GotoAsync(new Uri(fixture.App.BaseAddress, $"/?{fixture.RangeQuery}").ToString(),
            new PageGotoOptions { WaitUntil = WaitUntilState.DOMContentLoaded });

        // Blazor starts without waiting for charts that cannot be drawn yet; its render replaces the prerendered
        // containers, and each picture moves into its replacement rather than leaving it blank.
        await Browser.WaitForCircuitAsync(page);
        await Assertions.Expect(page.Locator("[data-prerendered]")).ToHaveCountAsync(0);
        await Assertions.Expect(page.Locator("[data-testid=traffic-chart] > .traffic-chart-static")).ToHaveCountAsync(3);
        await Assertions.Expect(page.Locator("[data-testid=chart-bits] path.traffic-chart-static-area").First).ToBeVisibleAsync();

        apexMayLoad.SetResult();

        await Assertions.Expect(page.Locator(Area).First).ToBeVisibleAsync(new() { Timeout = 60_000 });
        await Assertions.Expect(page.Locator("[data-testid=traffic-chart][data-interactive=true]")).ToHaveCountAsync(3);
        await Assertions.Expect(page.Locator(".traffic-chart-static")).ToHaveCountAsync(0);
        Assert.Empty(errors);
    }

    [Fact]
    public async Task Overview_SecondLoad_PrerenderedInTheZoneTheBrowserReportedOnTheFirst()
    {
        await using var browser = await Browser.LaunchAsync();
        var (page, _) = await browser.NewPageAsync(timeZone: "America/New_York");
        var address = new Uri(fixture.App.BaseAddress, $"/?{fixture.RangeQuery}").ToString();
        await page.GotoAsync(address);
        await Browser.WaitForInteractiveAsync(page); // the circuit asked the browser its zone, which keeps it in a cookie

        await page.RouteAsync("**/_blazor/negotiate**", route => route.AbortAsync());
        await page.GotoAsync(address);

        // No circuit on this load: the zone named and the chart's payload come from the prerender alone.
        await Assertions.Expect(page.Locator(".page-head")).ToHaveAttributeAsync("data-interactive", "false");
        await Assertions.Expect(page.GetByTestId("time-zone")).ToHaveTextAsync("Times in America/New_York");
        Assert.Contains("\"timeZone\":\"America/New_York\"",
            await page.GetByTestId("chart-bits").Locator("[data-prerendered]").GetAttributeAsync("data-prerendered") ?? "", StringComparison.Ordinal);
    }
}
