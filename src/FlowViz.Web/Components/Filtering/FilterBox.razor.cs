using FlowViz.Core.Filtering;
using Microsoft.AspNetCore.Components;

namespace FlowViz.Web.Components.Filtering;

/// <summary>
/// A text box for the nfdump-style filter language (FlowViz.Core.Filtering). The text is parsed on every
/// keystroke and a syntax error is shown where it is: the filter echoed with the offending token marked,
/// and the parser's message. Only a filter that parses (or an empty one, meaning "all flows") is emitted,
/// on Enter or Apply; <see cref="Value"/> is the applied filter, normally from the page's URL.
/// </summary>
public partial class FilterBox
{
    private const string InputId = "flow-filter";
    private const string ErrorId = "flow-filter-error";
    private const string HelpId = "flow-filter-help";

    private string _text = "";
    // What the input's value attribute renders: it changes only with Value, never with typing, so a render
    // arriving after more keystrokes cannot put older text back into the box (Blazor Server is round trips).
    private string? _shownValue;
    private FilterError? _error;

    /// <summary>The filter in force (as the URL has it); null or empty for none.</summary>
    [Parameter] public string? Value { get; set; }

    /// <summary>Called with the normalised text of a filter that parses, or null when the box was emptied.</summary>
    [Parameter] public EventCallback<string?> ValueChanged { get; set; }

    /// <summary>The parse error of <see cref="Value"/> or of the text being typed, if any.</summary>
    public FilterError? Error => _error;

    protected override void OnParametersSet()
    {
        // Replace what is typed only when the applied filter changed (back button, link), not on every render.
        if (Value != _shownValue)
        {
            _shownValue = Value;
            _text = Value ?? "";
            _error = Check(_text);
        }
    }

    /// <summary>The error of <paramref name="text"/>, or null when it parses or is blank.</summary>
    public static FilterError? Check(string text) =>
        string.IsNullOrWhiteSpace(text) || FilterParser.TryParse(text, out _, out var error) ? null : error;

    private void OnInput(ChangeEventArgs e)
    {
        _text = e.Value as string ?? "";
        _error = Check(_text);
    }

    private Task ApplyAsync()
    {
        if (_error is not null)
        {
            return Task.CompletedTask;
        }
        var text = string.IsNullOrWhiteSpace(_text) ? null : _text.Trim();
        return ValueChanged.InvokeAsync(text);
    }

    private Task ClearAsync()
    {
        (_text, _error) = ("", null);
        return ValueChanged.InvokeAsync(null);
    }

    private string Before(FilterError error) => _text[..Math.Min(error.Position, _text.Length)];

    // An error at the end of the text ("expected a port number, found end of filter") marks one blank cell.
    private string Offending(FilterError error)
    {
        var start = Math.Min(error.Position, _text.Length);
        var length = Math.Min(error.Length, _text.Length - start);
        return length > 0 ? _text.Substring(start, length) : " ";
    }

    private string After(FilterError error)
    {
        var end = Math.Min(error.Position + error.Length, _text.Length);
        return _text[end..];
    }
}
