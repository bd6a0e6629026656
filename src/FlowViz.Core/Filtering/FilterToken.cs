namespace FlowViz.Core.Filtering;

/// <summary>A token and where it starts in the filter text (0-based).</summary>
internal readonly record struct FilterToken(FilterTokenKind Kind, string Text, int Position)
{
    public int Length => Text.Length;

    public int End => Position + Text.Length;

    /// <summary>How a message quotes it: the text in quotes, or "end of filter".</summary>
    public string Describe() => Kind == FilterTokenKind.End ? "end of filter" : $"'{Text}'";

    public bool IsWord(string word) => Kind == FilterTokenKind.Word && string.Equals(Text, word, StringComparison.OrdinalIgnoreCase);
}
