using FlowViz.Identity.Tenants;
using Microsoft.AspNetCore.Components;

namespace FlowViz.Web.Components.Admin;

/// <summary>Edits a tenant scope's text, checking it on every keystroke (<see cref="ScopeTextCheck"/>) and showing each error where it is.</summary>
public partial class ScopeEditor
{
    [Parameter] public string Text { get; set; } = "";

    [Parameter] public EventCallback<string> TextChanged { get; set; }

    [Parameter] public string Label { get; set; } = "Scope";

    [Parameter] public string Id { get; set; } = "scope";

    private ScopeTextCheck Check => ScopeTextCheck.Of(Text);

    /// <summary>The text cut into runs, each bad entry its own run, for marking.</summary>
    private IEnumerable<(string Text, bool Bad)> Segments
    {
        get
        {
            var at = 0;
            foreach (var error in Check.Errors)
            {
                if (error.Start > at)
                {
                    yield return (Text[at..error.Start], false);
                }
                yield return (Text.Substring(error.Start, error.Length), true);
                at = error.Start + error.Length;
            }
            if (at < Text.Length)
            {
                yield return (Text[at..], false);
            }
        }
    }

    private Task OnInput(ChangeEventArgs e)
    {
        Text = e.Value as string ?? "";
        return TextChanged.InvokeAsync(Text);
    }
}
