using FlowViz.Web.Components.Admin;

namespace FlowViz.Web.Tests.Admin;

public class ScopeEditorTests : BunitContext
{
    [Fact]
    public void Render_BadEntries_EachListedAtItsLineAndColumnAndMarked()
    {
        const string text = "as 64500,\n  in if nowhere 3\nsrc net 198.51.100.0/24, dst as x";

        var editor = Render<ScopeEditor>(p => p.Add(e => e.Text, text));

        var errors = editor.FindAll("[data-testid=scope-error]");
        Assert.Equal(2, errors.Count);
        Assert.StartsWith("Line 2, column 3: Scope entry 'in if nowhere 3': 'nowhere' is not an exporter address", errors[0].TextContent.Trim());
        Assert.Equal(text.IndexOf("in if", StringComparison.Ordinal).ToString(), errors[0].GetAttribute("data-start"));
        Assert.StartsWith("Line 3, column 26: Scope entry 'dst as x': 'x' is not an AS number", errors[1].TextContent.Trim());
        Assert.Equal(["in if nowhere 3", "dst as x"], editor.FindAll("[data-testid=scope-marked] mark").Select(m => m.TextContent));
        Assert.Equal("true", editor.Find("textarea").GetAttribute("aria-invalid"));
    }

    [Fact]
    public void Render_ValidScope_NoErrors()
    {
        var editor = Render<ScopeEditor>(p => p.Add(e => e.Text, "as 64500\nin if 192.0.2.1 3"));

        Assert.Empty(editor.FindAll("[data-testid=scope-errors]"));
        Assert.Equal("false", editor.Find("textarea").GetAttribute("aria-invalid"));
    }

    [Fact]
    public void Input_TypedText_ReportedToParentAndCheckedAtOnce()
    {
        string? reported = null;
        var editor = Render<ScopeEditor>(p => p.Add(e => e.Text, "").Add(e => e.TextChanged, text => reported = text));
        Assert.NotNull(editor.Find("[data-testid=scope-empty]"));

        editor.Find("textarea").Input("as 70000000000");

        Assert.Equal("as 70000000000", reported);
        Assert.Contains("is not an AS number", editor.Find("[data-testid=scope-error]").TextContent);
    }
}
