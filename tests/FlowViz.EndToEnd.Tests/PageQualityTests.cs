using System.Text.RegularExpressions;
using Microsoft.Playwright;

namespace FlowViz.EndToEnd.Tests;

/// <summary>Every page: renders without console errors, passes axe (no serious or critical violations) in both themes, and is kept as a screenshot.</summary>
public sealed class PageQualityTests(AppWithKnownTraffic fixture)
{
    public static TheoryData<string, string> Pages => new()
    {
        { "overview", "/?range=1h" },
        { "exporters", "/exporters" },
    };

    [Theory]
    [MemberData(nameof(Pages))]
    public async Task Page_LightTheme_NoConsoleErrorsNoSeriousAxeViolations(string name, string path)
    {
        await using var browser = await Browser.LaunchAsync();
        var (page, errors) = await browser.NewPageAsync();

        await OpenAsync(page, path);

        await Accessibility.AssertNoSeriousViolationsAsync(page);
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Artifacts.Screenshot($"{name}.png"), FullPage = true });
        Assert.Empty(errors);
    }

    [Theory]
    [MemberData(nameof(Pages))]
    public async Task Page_ThemeToggled_DarkAndStillAccessible(string name, string path)
    {
        await using var browser = await Browser.LaunchAsync();
        var (page, errors) = await browser.NewPageAsync();
        await OpenAsync(page, path);

        await page.GetByTestId("theme-toggle").ClickAsync();

        await Assertions.Expect(page.Locator("html")).ToHaveAttributeAsync("data-theme", "dark");
        await Assertions.Expect(page.GetByTestId("theme-toggle")).ToHaveAttributeAsync("aria-pressed", "true");
        var background = await page.EvaluateAsync<string>("() => getComputedStyle(document.body).backgroundColor");
        Assert.Equal("rgb(17, 20, 24)", background);
        await page.WaitForTimeoutAsync(300); // charts redraw in the new colours
        await Accessibility.AssertNoSeriousViolationsAsync(page);
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Artifacts.Screenshot($"{name}-dark.png"), FullPage = true });

        await page.ReloadAsync(); // the choice is remembered
        await Assertions.Expect(page.Locator("html")).ToHaveAttributeAsync("data-theme", "dark");
        Assert.Empty(errors);
    }

    [Fact]
    public async Task NavMenu_Keyboard_ReachesEveryPage()
    {
        await using var browser = await Browser.LaunchAsync();
        var (page, errors) = await browser.NewPageAsync();
        await OpenAsync(page, "/?range=1h");

        await page.GetByRole(AriaRole.Link, new() { Name = "Exporters" }).FocusAsync();
        await page.Keyboard.PressAsync("Enter");

        await Assertions.Expect(page).ToHaveURLAsync(new Regex("/exporters$"));
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Exporters");
        await Assertions.Expect(page.GetByRole(AriaRole.Link, new() { Name = "Exporters" })).ToHaveClassAsync(new Regex("active"));
        Assert.Empty(errors);
    }

    private async Task OpenAsync(IPage page, string path)
    {
        await page.GotoAsync(new Uri(fixture.App.BaseAddress, path).ToString());
        if (path.StartsWith("/?", StringComparison.Ordinal))
        {
            await Browser.WaitForInteractiveAsync(page);
        }
        else
        {
            await Browser.WaitForCircuitAsync(page);
            await page.GetByTestId("exporter-row").First.WaitForAsync();
        }
    }
}
