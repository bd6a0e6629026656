using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.Playwright;

namespace FlowViz.EndToEnd.Tests;

/// <summary>The overview's filter box, drag-to-zoom, live refresh and time zone switch in a real browser.</summary>
public sealed class OverviewInteractionTests(AppWithKnownTraffic fixture)
{
    [Fact]
    public async Task FilterBox_BadThenGoodFilter_ShowsErrorAtPositionThenGraphsTheFilter()
    {
        await using var browser = await Browser.LaunchAsync();
        var (page, errors) = await browser.NewPageAsync();
        await page.GotoAsync(new Uri(fixture.App.BaseAddress, $"/?{fixture.RangeQuery}").ToString());
        await Browser.WaitForInteractiveAsync(page);
        var input = page.GetByTestId("filter-input");

        await input.PressSequentiallyAsync("proto tcp and dst port https");

        var error = page.GetByTestId("filter-error");
        await Assertions.Expect(error).ToHaveAttributeAsync("data-position", "23");
        await Assertions.Expect(page.GetByTestId("filter-bad")).ToHaveTextAsync("https");
        await Assertions.Expect(input).ToHaveAttributeAsync("aria-invalid", "true");
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Artifacts.Screenshot("overview-filter-error.png") });

        await input.FillAsync("");
        await input.PressSequentiallyAsync("proto udp");
        await Assertions.Expect(error).ToHaveCountAsync(0);
        await input.PressAsync("Enter");

        await Assertions.Expect(page).ToHaveURLAsync(new Regex("filter=proto%20udp"));
        var udp = KnownTraffic.ByProtocol["17"];
        await Assertions.Expect(page.GetByTestId("total-flows")).ToHaveAttributeAsync("data-value", udp.Flows.ToString());
        var api = await fixture.GetJsonAsync($"/api/v1/summary?filter=proto%20udp&{fixture.RangeQuery}");
        Assert.Equal(api.GetProperty("bytes").GetInt64().ToString(), await page.GetByTestId("total-bytes").GetAttributeAsync("data-value"));
        Assert.Equal(["17"], await page.GetByTestId("top-row").EvaluateAllAsync<string[]>("rows => rows.map(r => r.dataset.key)"));
        await page.Locator("[data-testid=chart-bits] svg.apexcharts-svg").WaitForAsync();
        Assert.Empty(errors);
    }

    [Fact]
    public async Task Chart_DraggedAcross_ZoomsIntoTheDraggedRangeAndBackReturns()
    {
        await using var browser = await Browser.LaunchAsync();
        var (page, errors) = await browser.NewPageAsync();
        // A fixed 6 h range, not "range=6h": a relative range refreshes every RefreshInterval, and a refresh that
        // redraws the chart between the measurement and the drag (a busy CI machine drew 4.5 h from a half-width
        // drag) moves the grid under the mouse.
        var to = fixture.To;
        var from = to.AddHours(-6);
        var start = $"/?from={from.UtcDateTime:yyyy-MM-ddTHH:mm:ssZ}&to={to.UtcDateTime:yyyy-MM-ddTHH:mm:ssZ}";
        await page.GotoAsync(new Uri(fixture.App.BaseAddress, start).ToString());
        await Browser.WaitForInteractiveAsync(page);
        var grid = page.Locator("[data-testid=chart-bits] .apexcharts-grid");
        var plot = await SettledBoxAsync(grid);

        var y = plot.Y + plot.Height / 2;
        await page.Mouse.MoveAsync(plot.X + plot.Width * 0.25f, y);
        await page.Mouse.DownAsync();
        await page.Mouse.MoveAsync(plot.X + plot.Width * 0.75f, y, new() { Steps = 10 });
        await page.Mouse.UpAsync();

        // The start address has from= and to= as well: wait for the zoom's navigation to leave it, then read it.
        var startUrl = new Uri(fixture.App.BaseAddress, start).ToString();
        await Assertions.Expect(page).Not.ToHaveURLAsync(startUrl);
        await Assertions.Expect(page).ToHaveURLAsync(new Regex("from=.*&to="));
        var query = System.Web.HttpUtility.ParseQueryString(new Uri(page.Url).Query);
        var zoomed = DateTimeOffset.Parse(query["to"]!) - DateTimeOffset.Parse(query["from"]!);
        Assert.InRange(zoomed.TotalHours, 2.5, 3.5); // half of the 6 h axis
        Assert.Null(query["range"]);
        await Assertions.Expect(page.GetByTestId("range-custom")).ToHaveClassAsync(new Regex("active"));

        await page.EvaluateAsync("() => history.back()");
        await Assertions.Expect(page).ToHaveURLAsync(startUrl);
        Assert.Empty(errors);
    }

    [Fact]
    public async Task LiveRefresh_SeriesHiddenInLegend_StaysHidden()
    {
        await using var browser = await Browser.LaunchAsync();
        var (page, errors) = await browser.NewPageAsync();
        await page.GotoAsync(new Uri(fixture.App.BaseAddress, "/?range=1h").ToString());
        await Browser.WaitForInteractiveAsync(page);
        var udp = page.Locator("[data-testid=chart-bits] .apexcharts-legend-series").Filter(new() { HasText = "UDP" });

        await udp.ClickAsync();
        await Assertions.Expect(udp).ToHaveClassAsync(new Regex("apexcharts-inactive-legend"));
        var before = await AxisEndAsync(page);

        // The next refresh moves the range on with the clock: the chart receives new data and new axis bounds. Waited
        // for rather than slept on, so a busy machine whose refresh lands late is not mistaken for one that never does.
        var deadline = DateTime.UtcNow.AddSeconds(RefreshSeconds * 6);
        var moved = 0d;
        while (DateTime.UtcNow < deadline && (moved = await AxisEndAsync(page) - before) < RefreshSeconds * 1000)
        {
            await Task.Delay(250, TestContext.Current.CancellationToken);
        }

        Assert.InRange(moved, RefreshSeconds * 1000, RefreshSeconds * 6 * 1000 + 5000);
        await Assertions.Expect(udp).ToHaveClassAsync(new Regex("apexcharts-inactive-legend"));
        Assert.Empty(errors);
    }

    [Fact]
    public async Task TimeZone_UtcChosen_KeptInUrlAndShown()
    {
        await using var browser = await Browser.LaunchAsync();
        var (page, errors) = await browser.NewPageAsync(timeZone: "America/New_York");
        await page.GotoAsync(new Uri(fixture.App.BaseAddress, "/?range=1h").ToString());
        await Browser.WaitForInteractiveAsync(page);
        await Assertions.Expect(page.GetByTestId("time-zone")).ToHaveTextAsync("Times in America/New_York");

        await page.GetByTestId("zone-utc").ClickAsync();

        await Assertions.Expect(page).ToHaveURLAsync(new Regex("tz=utc"));
        await Assertions.Expect(page.GetByTestId("time-zone")).ToHaveTextAsync("Times in UTC");
        Assert.Empty(errors);
    }

    private static readonly double RefreshSeconds = FlowViz.Web.Components.Pages.Overview.RefreshInterval.TotalSeconds;

    // Where apexcharts ends the time axis (Unix ms); it moves on with the clock at each refresh.
    private static async Task<double> AxisEndAsync(IPage page) =>
        double.Parse((await page.Locator("[data-testid=chart-bits] [data-testid=traffic-chart]").GetAttributeAsync("data-axis-end"))!,
            System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>
    /// The element's box once it is drawn. A bounding box does not wait, and apexcharts may replace the grid between
    /// a wait and the measurement (the first chart can be drawn before this one; a redraw swaps the SVG), so measure
    /// until a box is there.
    /// </summary>
    private static async Task<LocatorBoundingBoxResult> SettledBoxAsync(ILocator locator)
    {
        LocatorBoundingBoxResult? previous = null;
        for (var attempt = 0; attempt < 100; attempt++)
        {
            await locator.WaitForAsync();
            var box = await locator.BoundingBoxAsync();
            // Settled: the same box twice, 200 ms apart (a first draw can still be laid out again, e.g. when the
            // y axis labels widen once the data arrives).
            if (box is not null && previous is not null && box.X == previous.X && box.Width == previous.Width)
            {
                return box;
            }
            previous = box;
            await Task.Delay(200);
        }
        throw new TimeoutException("the chart's grid never settled on one bounding box");
    }
}
