namespace FlowViz.Core.Filtering;

/// <summary>
/// Splits filter text into tokens. A word is a run of characters other than white space and the
/// punctuation <c>( ) [ ] , &lt; &gt; = ! &amp; |</c>, so addresses (<c>2001:db8::/32</c>) and names stay whole.
/// Never throws: a stray character becomes an <see cref="FilterTokenKind.Invalid"/> token the parser reports.
/// </summary>
internal static class FilterTokenizer
{
    private const string Punctuation = "()[],<>=!&|";

    public static List<FilterToken> Tokenize(string text)
    {
        var tokens = new List<FilterToken>();
        var i = 0;
        while (i < text.Length)
        {
            if (char.IsWhiteSpace(text[i]))
            {
                i++;
                continue;
            }
            var token = Punctuation.Contains(text[i], StringComparison.Ordinal) ? ReadPunctuation(text, i) : ReadWord(text, i);
            tokens.Add(token);
            i = token.End;
        }
        tokens.Add(new FilterToken(FilterTokenKind.End, "", text.Length));
        return tokens;
    }

    private static FilterToken ReadWord(string text, int start)
    {
        var end = start;
        while (end < text.Length && !char.IsWhiteSpace(text[end]) && !Punctuation.Contains(text[end], StringComparison.Ordinal))
        {
            end++;
        }
        var word = text[start..end];
        var kind = word.ToLowerInvariant() switch
        {
            "and" => FilterTokenKind.And,
            "or" => FilterTokenKind.Or,
            "not" => FilterTokenKind.Not,
            _ => FilterTokenKind.Word,
        };
        return new FilterToken(kind, word, start);
    }

    private static FilterToken ReadPunctuation(string text, int start)
    {
        var next = start + 1 < text.Length ? text[start + 1] : '\0';
        return (text[start], next) switch
        {
            ('(', _) => new(FilterTokenKind.LeftParen, "(", start),
            (')', _) => new(FilterTokenKind.RightParen, ")", start),
            ('[', _) => new(FilterTokenKind.LeftBracket, "[", start),
            (']', _) => new(FilterTokenKind.RightBracket, "]", start),
            (',', _) => new(FilterTokenKind.Comma, ",", start),
            ('&', '&') => new(FilterTokenKind.And, "&&", start),
            ('|', '|') => new(FilterTokenKind.Or, "||", start),
            ('<' or '>', '=') => new(FilterTokenKind.Compare, text.Substring(start, 2), start),
            ('=', '=') => new(FilterTokenKind.Compare, "==", start),
            ('<' or '>' or '=', _) => new(FilterTokenKind.Compare, text[start].ToString(), start),
            // "!=" is not offered: with either-side predicates it would read ambiguously; "not port 80" says it.
            ('!', '=') => new(FilterTokenKind.Invalid, "!=", start),
            ('!', _) => new(FilterTokenKind.Not, "!", start),
            _ => new(FilterTokenKind.Invalid, text[start].ToString(), start),
        };
    }
}
