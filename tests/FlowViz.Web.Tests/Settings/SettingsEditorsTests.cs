using FlowViz.Core.Versioning;
using FlowViz.Web.Components.Settings;
using FlowViz.Web.Settings;
using FlowViz.Web.Tests.Fakes;
using Microsoft.Extensions.DependencyInjection;
using SettingsPage = FlowViz.Web.Components.Pages.Settings;

namespace FlowViz.Web.Tests.Settings;

/// <summary>The settings editors over a fake <see cref="ISettingsEditor"/>: row mistakes, preview, save with the version, a stale version.</summary>
public sealed class SettingsEditorsTests : BunitContext
{
    private readonly FakeSettingsEditor _editor = new();

    public SettingsEditorsTests()
    {
        // Before anything reads the service provider (bUnit refuses registrations after that).
        AddAuthorization().SetAuthorized("operator");
        Services.AddSingleton<ISettingsEditor>(_editor);
        SetRendererInfo(new Microsoft.AspNetCore.Components.RendererInfo("Server", isInteractive: true));
    }

    [Fact]
    public void Networks_BadPrefix_ErrorAtItsRowAndNothingAsked()
    {
        var editor = Render<NetworksEditor>();
        editor.FindAll("[data-testid=prefix]")[1].Change("198.51.100.1/24");

        editor.Find("[data-testid=preview-button]").Click();

        var rows = editor.FindAll("[data-testid=row]");
        Assert.Empty(rows[0].QuerySelectorAll("[data-testid=field-error]"));
        Assert.Contains("198.51.100.1/24", rows[1].QuerySelector("[data-testid=field-error]")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("has-errors", rows[1].ClassName, StringComparison.Ordinal);
        Assert.Equal(0, _editor.Previews);
        Assert.Empty(editor.FindAll("[data-testid=preview]"));
    }

    [Fact]
    public void Applications_Preview_ShowsBytesBeforeAndAfterPerApplication()
    {
        var editor = Render<ApplicationRulesEditor>();

        editor.Find("[data-testid=preview-button]").Click();

        var game = editor.Find("[data-testid=preview-row][data-label=game]");
        var cells = game.QuerySelectorAll("td").Select(c => c.TextContent).ToList();
        Assert.Equal(["0 B", "1.20 kB", "+1.20 kB"], cells);
        Assert.Contains("1.20 kB of 6.20 kB", editor.Find("[data-testid=preview-summary]").TextContent, StringComparison.Ordinal);
        Assert.Contains("UTC", editor.Find("[data-testid=preview] caption").TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public void Applications_AddMoveRemoveThenSave_SendsRowsInOrderWithEditedVersionAndUser()
    {
        var editor = Render<ApplicationRulesEditor>(p => p.Add(e => e.User, "alice"));
        editor.Find("[data-testid=add]").Click();
        var added = editor.FindAll("[data-testid=row]")[1];
        added.QuerySelector("[data-testid=name]")!.Change("zapp");
        editor.FindAll("[data-testid=row]")[1].QuerySelector("[data-testid=protocol]")!.Change("tcp");
        editor.FindAll("[data-testid=row]")[1].QuerySelector("[data-testid=ports]")!.Change("8888");
        editor.Find("[aria-label='Move rule 2 up']").Click();
        editor.Find("[data-testid=add]").Click();
        editor.Find("[aria-label='Remove rule 3']").Click();
        editor.Find("[data-testid=comment]").Change("zapp first");

        editor.Find("[data-testid=save]").Click();

        var (rows, version, save) = Assert.Single(_editor.Saves);
        Assert.Equal([new("zapp", "tcp", "8888"), new("game", "udp", "27015")], (IEnumerable<FlowViz.Storage.Settings.ApplicationRuleRow>)rows);
        Assert.Equal((4L, "alice", "zapp first"), (version, save.User, save.Comment));
        Assert.Contains("Saved as version 5", editor.Find("[data-testid=status]").TextContent, StringComparison.Ordinal);
        Assert.Contains("version 5", editor.Find("[data-testid=version]").TextContent, StringComparison.Ordinal);
        Assert.Equal(2, editor.FindAll("[data-testid=history-row]").Count);
    }

    [Fact]
    public void Applications_StaleVersion_SaysToReloadAndReloadShowsTheirs()
    {
        _editor.SaveFailure = new StaleVersionException("application rules", 4, 5);
        var editor = Render<ApplicationRulesEditor>();
        editor.FindAll("[data-testid=ports]")[0].Change("27016");

        editor.Find("[data-testid=save]").Click();

        var stale = editor.Find("[data-testid=stale]").TextContent;
        Assert.Contains("version 5", stale, StringComparison.Ordinal);
        Assert.Contains("after you loaded version 4", stale, StringComparison.Ordinal);
        Assert.Contains("Reload", stale, StringComparison.Ordinal);
        _editor.ApplicationVersions.Add(new(5, [new("theirs", "tcp", "1")], "api", "bob", null, FakeSettingsEditor.Saved));

        editor.Find("[data-testid=reload]").Click();

        Assert.Empty(editor.FindAll("[data-testid=stale]"));
        Assert.Equal("theirs", editor.Find("[data-testid=name]").GetAttribute("value"));
        Assert.Contains("version 5", editor.Find("[data-testid=version]").TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public void Applications_ServerRefusesRow_ErrorShownAtThatRow()
    {
        _editor.SaveFailure = new SettingsValidationException([new FlowViz.Enrichment.RowError(0, "ports", "port 1 is reserved here")]);
        var editor = Render<ApplicationRulesEditor>();

        editor.Find("[data-testid=save]").Click();

        Assert.Equal("port 1 is reserved here", editor.Find("[data-testid=row] [data-testid=field-error]").TextContent);
    }

    [Fact]
    public void Page_TabInUrl_ShowsThatSectionWithTabsMarked()
    {
        var navigation = Services.GetRequiredService<Microsoft.AspNetCore.Components.NavigationManager>();
        navigation.NavigateTo("/settings?tab=applications");

        var page = Render<SettingsPage>();

        Assert.Single(page.FindAll("[data-testid=applications-editor]"));
        Assert.Empty(page.FindAll("[data-testid=networks-editor]"));
        Assert.Equal("page", page.Find("[data-testid=tab-applications]").GetAttribute("aria-current"));
        Assert.Contains("tab=interfaces", page.Find("[data-testid=tab-interfaces]").GetAttribute("href"), StringComparison.Ordinal);
    }
}
