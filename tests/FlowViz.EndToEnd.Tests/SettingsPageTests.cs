using Microsoft.Playwright;

namespace FlowViz.EndToEnd.Tests;

/// <summary>The Settings page in a real browser: edit an application rule, see a mistake at its row, preview, save; new traffic gets the new application.</summary>
[Collection(SettingsAppCollection.Name)]
public sealed class SettingsPageTests(SettingsApp fixture)
{
    [Fact]
    public async Task ApplicationRules_EditPreviewSave_NewTrafficGetsTheNewApplication()
    {
        await fixture.SendFlowsToPortAsync(8888, 4);
        await fixture.WaitForFlowsAsync("dst port 8888", 4);
        await using var browser = await Browser.LaunchAsync();
        var (page, errors) = await browser.NewPageAsync();
        await page.GotoAsync(new Uri(fixture.App.BaseAddress, "/settings?tab=applications").ToString());
        await Browser.WaitForCircuitAsync(page);
        var editor = page.GetByTestId("applications-editor");
        await Assertions.Expect(editor.GetByTestId("version")).ToContainTextAsync("Editing version");

        await editor.GetByTestId("add").ClickAsync();
        var row = editor.GetByTestId("row").Last;
        await FillAsync(row.GetByTestId("name"), "zapp");
        await FillAsync(row.GetByTestId("protocol"), "tcp");
        await FillAsync(row.GetByTestId("ports"), "88888");
        await editor.GetByTestId("preview-button").ClickAsync();
        await Assertions.Expect(row.GetByTestId("field-error")).ToContainTextAsync("88888");
        await Assertions.Expect(editor.GetByTestId("preview")).ToHaveCountAsync(0);

        await FillAsync(row.GetByTestId("ports"), "8888");
        await editor.GetByTestId("preview-button").ClickAsync();
        var previewed = editor.Locator("[data-testid=preview-row][data-label=zapp]");
        await Assertions.Expect(previewed).ToBeVisibleAsync();
        await Assertions.Expect(previewed.Locator("td").Nth(1)).ToContainTextAsync("4");
        await Accessibility.AssertNoSeriousViolationsAsync(page);
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Artifacts.Screenshot("settings.png"), FullPage = true });

        await FillAsync(editor.GetByTestId("comment"), "zapp on 8888");
        await editor.GetByTestId("save").ClickAsync();
        await Assertions.Expect(editor.GetByTestId("status")).ToContainTextAsync("Saved as version");
        await Assertions.Expect(editor.GetByTestId("history-row").First).ToContainTextAsync("zapp on 8888");

        await fixture.SendFlowsToPortAsync(8888, 3);
        await fixture.WaitForFlowsAsync("dst port 8888", 7);
        Assert.Equal(3, await fixture.FlowsAsync("app zapp"));
        Assert.Empty(errors);
    }

    // Blazor's @bind listens to change events, which fire when focus leaves the field.
    private static async Task FillAsync(ILocator input, string value)
    {
        await input.FillAsync(value);
        await input.PressAsync("Tab");
    }
}
