using Microsoft.Playwright;

namespace FlowViz.EndToEnd.Tests;

/// <summary>The Interfaces page in a real browser: its figures are the API's for the same range, and it is accessible in both themes.</summary>
public sealed class InterfacesPageTests(AppWithKnownTraffic fixture)
{
    [Fact]
    public async Task Interfaces_TrafficColumns_EqualTheApiForTheSameRange()
    {
        await using var browser = await Browser.LaunchAsync();
        var (page, errors) = await browser.NewPageAsync();

        await page.GotoAsync(new Uri(fixture.App.BaseAddress, $"/interfaces?{fixture.RangeQuery}").ToString());
        await Browser.WaitForCircuitAsync(page);
        await page.GetByTestId("interface-row").First.WaitForAsync();

        foreach (var (by, column) in new[] { ("input_if", "in-bytes"), ("output_if", "out-bytes") })
        {
            var api = await fixture.GetJsonAsync($"/api/v1/top?by={by}&metric=bytes&limit=1000&{fixture.RangeQuery}");
            var rows = api.GetProperty("rows").EnumerateArray().ToList();
            Assert.NotEmpty(rows);
            Assert.Equal(KnownTraffic.Bytes, rows.Sum(r => r.GetProperty("bytes").GetInt64()));
            foreach (var row in rows)
            {
                var cell = page.Locator($"[data-testid=interface-row][data-key='{row.GetProperty("key").GetString()}'] [data-testid={column}]");
                await Assertions.Expect(cell).ToHaveAttributeAsync("data-bytes", row.GetProperty("bytes").GetInt64().ToString(System.Globalization.CultureInfo.InvariantCulture));
            }
        }
        // Interface 0 carries everything and has no class: it is listed first, and says why it has no utilisation.
        var first = page.GetByTestId("interface-row").First;
        await Assertions.Expect(first).ToHaveAttributeAsync("data-key", "127.0.0.1/0");
        await Assertions.Expect(first.GetByTestId("in-utilization")).ToHaveTextAsync("n/a: index 0: the exporter did not say which interface");
        await Assertions.Expect(page.GetByTestId("needs-class")).ToBeVisibleAsync();

        await Accessibility.AssertNoSeriousViolationsAsync(page);
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Artifacts.Screenshot("interfaces.png"), FullPage = true });
        await page.GetByTestId("theme-toggle").ClickAsync();
        await Assertions.Expect(page.Locator("html")).ToHaveAttributeAsync("data-theme", "dark");
        await Accessibility.AssertNoSeriousViolationsAsync(page);
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Artifacts.Screenshot("interfaces-dark.png"), FullPage = true });
        Assert.Empty(errors);
    }

    [Fact]
    public async Task Interfaces_SortByOut_ReordersAndSaysSo()
    {
        await using var browser = await Browser.LaunchAsync();
        var (page, errors) = await browser.NewPageAsync();
        await page.GotoAsync(new Uri(fixture.App.BaseAddress, $"/interfaces?{fixture.RangeQuery}").ToString());
        await Browser.WaitForCircuitAsync(page);
        await page.GetByTestId("interface-row").First.WaitForAsync();

        await page.GetByTestId("sort-Interface").ClickAsync();

        await Assertions.Expect(page.Locator("th:has([data-testid=sort-Interface])")).ToHaveAttributeAsync("aria-sort", "ascending");
        await Assertions.Expect(page.GetByTestId("interface-row").First).ToHaveAttributeAsync("data-key", "127.0.0.1/0");
        Assert.Empty(errors);
    }
}
