using Microsoft.Playwright;

namespace FlowViz.EndToEnd.Tests;

/// <summary>
/// Debian's chromium driven by Playwright (its own browser download is never used). The flags keep
/// chromium off the network, which this machine does not have, and let it run as root.
/// </summary>
public sealed class Browser : IAsyncDisposable
{
    private readonly IPlaywright _playwright;
    private readonly IBrowser _browser;

    private Browser(IPlaywright playwright, IBrowser browser)
    {
        _playwright = playwright;
        _browser = browser;
    }

    public static async Task<Browser> LaunchAsync()
    {
        var playwright = await Playwright.CreateAsync();
        var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = Environment.GetEnvironmentVariable("FLOWVIZ_CHROMIUM") ?? "/usr/bin/chromium",
            Headless = true,
            Args =
            [
                "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
            ],
        });
        return new Browser(playwright, browser);
    }

    /// <summary>A page whose console errors and uncaught exceptions are collected for assertions.</summary>
    public async Task<(IPage Page, List<string> Errors)> NewPageAsync(string timeZone = "Asia/Tokyo")
    {
        var context = await _browser.NewContextAsync(new BrowserNewContextOptions
        {
            ViewportSize = new ViewportSize { Width = 1400, Height = 1000 },
            TimezoneId = timeZone,
            Locale = "en-GB",
        });
        context.SetDefaultTimeout(30_000);
        var page = await context.NewPageAsync();
        var errors = new List<string>();
        page.Console += (_, message) =>
        {
            if (message.Type == "error")
            {
                errors.Add(message.Text);
            }
        };
        page.PageError += (_, error) => errors.Add(error);
        return (page, errors);
    }

    /// <summary>
    /// Waits until Blazor's circuit is connected (set by wwwroot/flowviz.lib.module.js), the page has rendered
    /// interactively and its first chart is in its component's hands (data-interactive, set by flowviz-chart.js's
    /// create): a chart is drawn from the prerendered HTML before that, but a drag would not reach .NET yet, and clicks
    /// before it would hit prerendered buttons that have no handlers yet.
    /// </summary>
    public static async Task WaitForInteractiveAsync(IPage page)
    {
        await WaitForCircuitAsync(page);
        await page.Locator("[data-testid=traffic-chart][data-interactive=true] svg.apexcharts-svg").First.WaitForAsync();
    }

    /// <summary>For pages without a chart: the circuit is up and the page has rendered interactively (its head says so).</summary>
    public static async Task WaitForCircuitAsync(IPage page)
    {
        await page.WaitForFunctionAsync("() => window.__circuitReady === true");
        await page.Locator(".page-head[data-interactive=true]").WaitForAsync();
    }

    public async ValueTask DisposeAsync()
    {
        await _browser.DisposeAsync();
        _playwright.Dispose();
    }
}
