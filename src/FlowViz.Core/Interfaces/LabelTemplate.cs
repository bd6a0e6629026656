using System.Text;
using System.Text.RegularExpressions;
using FlowViz.Core.Filtering;

namespace FlowViz.Core.Interfaces;

/// <summary>
/// The connectivity or provider a rule gives: a literal label, or a template over the capture groups of the
/// rule's expression (<c>$1</c>, <c>${name}</c>) whose expansion is made a label (<see cref="ToLabel"/>).
/// </summary>
internal sealed partial class LabelTemplate
{
    private readonly string _text;

    private LabelTemplate(string text, bool usesCaptures)
    {
        _text = text;
        UsesCaptures = usesCaptures;
    }

    public bool UsesCaptures { get; }

    /// <summary>
    /// Checks <paramref name="text"/> and builds the template; null with <paramref name="error"/> set when it is not a
    /// valid label or refers to a group <paramref name="captures"/> (the expression it draws from) does not have.
    /// </summary>
    public static LabelTemplate? TryCreate(string text, LabelSubject subject, Regex? captures, out string? error)
    {
        error = null;
        var references = Reference().Matches(text);
        if (references.Count == 0)
        {
            if (!FilterValues.TryNormaliseLabel(subject, text, out var label))
            {
                error = $"'{text}' is not a valid label: 1–64 letters, digits, '-', '_' or '.'.";
                return null;
            }
            return new LabelTemplate(label, usesCaptures: false);
        }
        if (captures is null)
        {
            error = $"'{text}' refers to a capture group, but the rule has no name or description expression.";
            return null;
        }
        foreach (Match reference in references)
        {
            if (reference.Groups["bad"].Success)
            {
                error = $"'{text}': a '$' must start a group reference such as $1 or ${{name}}.";
                return null;
            }
            var group = reference.Groups["number"].Success ? reference.Groups["number"].Value : reference.Groups["name"].Value;
            if (captures.GroupNumberFromName(group) < 0)
            {
                error = $"'{text}' refers to group '{group}', which the expression '{captures}' does not have.";
                return null;
            }
        }
        return new LabelTemplate(text, usesCaptures: true);
    }

    /// <summary>The label for one interface; null when the captured text leaves nothing a label can hold.</summary>
    public string? Expand(Match? match) => UsesCaptures ? ToLabel(match!.Result(_text)) : _text;

    /// <summary>Lower case, every run of characters a label cannot hold turned into one '-', trimmed, at most 64 long.</summary>
    public static string? ToLabel(string text)
    {
        var label = new StringBuilder(text.Length);
        foreach (var c in text.ToLowerInvariant())
        {
            var allowed = char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.';
            if (allowed)
            {
                label.Append(c);
            }
            else if (label.Length > 0 && label[^1] != '-')
            {
                label.Append('-');
            }
        }
        var result = label.ToString().Trim('-');
        result = result.Length > 64 ? result[..64].TrimEnd('-') : result;
        return result.Length == 0 ? null : result;
    }

    // $1, ${name}; any other '$' is refused (Match.Result would give it meanings no one expects here).
    [GeneratedRegex(@"\$(?:(?<number>\d+)|\{(?<name>\w+)\}|(?<bad>))")]
    private static partial Regex Reference();
}
