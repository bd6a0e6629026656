namespace FlowViz.Core.Filtering;

/// <summary>
/// One parse of one filter text: the recursive descent over its tokens. The grammar's rules are methods
/// here and in <c>FilterSyntax.Predicates.cs</c>.
/// </summary>
internal sealed partial class FilterSyntax
{
    private readonly string _text;
    private readonly List<FilterToken> _tokens;
    private int _index;
    private int _depth;

    public FilterSyntax(string text)
    {
        _text = text;
        _tokens = FilterTokenizer.Tokenize(text);
    }

    private FilterToken Current => _tokens[_index];

    private FilterToken Previous => _tokens[Math.Max(_index - 1, 0)];

    /// <summary>filter = or-expr END</summary>
    public FilterExpression ParseFilter()
    {
        if (Current.Kind == FilterTokenKind.End)
        {
            throw Error(Current, "expected a filter such as 'proto tcp and dst port 443'");
        }
        var expression = ParseOr();
        if (Current.Kind != FilterTokenKind.End)
        {
            throw Error(Current, Current.Kind == FilterTokenKind.RightParen
                ? "unbalanced ')': no '(' is open here"
                : $"expected 'and', 'or' or the end of the filter, found {Current.Describe()}");
        }
        return expression;
    }

    /// <summary>or-expr = and-expr { ("or" | "||") and-expr }</summary>
    private FilterExpression ParseOr()
    {
        var left = ParseAnd();
        while (Current.Kind == FilterTokenKind.Or)
        {
            _index++;
            left = new OrFilter(left, ParseAnd());
        }
        return left;
    }

    /// <summary>and-expr = not-expr { ("and" | "&amp;&amp;") not-expr }</summary>
    private FilterExpression ParseAnd()
    {
        var left = ParseNot();
        while (Current.Kind == FilterTokenKind.And)
        {
            _index++;
            left = new AndFilter(left, ParseNot());
        }
        return left;
    }

    /// <summary>not-expr = ("not" | "!") not-expr | "(" or-expr ")" | predicate</summary>
    private FilterExpression ParseNot()
    {
        var token = Current;
        if (token.Kind is FilterTokenKind.Not or FilterTokenKind.LeftParen)
        {
            if (++_depth > FilterParser.MaxDepth)
            {
                throw Error(token, $"the filter nests deeper than {FilterParser.MaxDepth} levels");
            }
            _index++;
            var inner = token.Kind == FilterTokenKind.Not ? new NotFilter(ParseNot()) : ParseParenthesised(token);
            _depth--;
            return inner;
        }
        return ParsePredicate();
    }

    private FilterExpression ParseParenthesised(FilterToken open)
    {
        var inner = ParseOr();
        if (Current.Kind != FilterTokenKind.RightParen)
        {
            throw Error(Current, $"expected 'and', 'or' or ')' to close the '(' at position {open.Position}, found {Current.Describe()}");
        }
        _index++;
        return inner;
    }

    /// <summary>The token if it is a word (a value or keyword); otherwise an error saying what was expected.</summary>
    private FilterToken ExpectWord(int termStart, string expected)
    {
        var token = Current;
        if (token.Kind != FilterTokenKind.Word)
        {
            throw Expected(termStart, expected, token);
        }
        _index++;
        return token;
    }

    /// <summary>"expected a port number after 'dst port', found 'https'".</summary>
    private FilterSyntaxException Expected(int termStart, string expected, FilterToken found)
    {
        var context = _index > 0 && Previous.End > termStart ? $" after '{_text[termStart..Previous.End]}'" : "";
        return Error(found, $"expected {expected}{context}, found {found.Describe()}");
    }

    private static FilterSyntaxException Error(FilterToken token, string message) =>
        new(new FilterError(token.Position, Math.Max(token.Length, token.Kind == FilterTokenKind.End ? 0 : 1), message));
}
