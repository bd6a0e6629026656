using System.Diagnostics.CodeAnalysis;

namespace FlowViz.Core.Filtering;

/// <summary>
/// Parses the nfdump-style filter language into a <see cref="FilterExpression"/>. Precedence is
/// <c>not</c> (<c>!</c>) over <c>and</c> (<c>&amp;&amp;</c>) over <c>or</c> (<c>||</c>); parentheses group; and/or are left-associative.
/// Keywords are case-insensitive. Never throws on bad input: every problem comes back as a <see cref="FilterError"/>.
/// </summary>
/// <remarks>
/// <code>
/// filter      = or-expr ;
/// or-expr     = and-expr { ( "or" | "||" ) and-expr } ;
/// and-expr    = not-expr { ( "and" | "&amp;&amp;" ) not-expr } ;
/// not-expr    = ( "not" | "!" ) not-expr | "(" or-expr ")" | predicate ;
/// predicate   = [ side ] ( "host" ip | "net" cidr | "port" number-test | "as" number-test
///                        | "vlan" number-test | "country" cc )
///             | "proto" ( name | 0..255 )
///             | ( "in" | "out" ) "if" number-test | "if" number-test
///             | "exporter" ip | "exporter" "net" cidr
///             | ( "bytes" | "packets" | "tos" ) number-test
///             | "flags" letters                        (* of C E U A P R S F: all must be set *)
///             | ( "app" | "connectivity" | "provider" ) name | "boundary" ( "external" | "internal" )
///             | "origin" "as" number-test                (* src AS of inbound flows, dst AS of outbound *)
///             | "direction" ( "in" | "out" | "internal" | "transit" ) ;
/// side        = "src" | "dst" ;                        (* none: source OR destination *)
/// number-test = [ comparison ] number | "in" "[" number { [ "," ] number } "]" ;
/// comparison  = "=" | "==" | "eq" | "&lt;" | "lt" | "&gt;" | "gt" | "&lt;=" | "le" | "&gt;=" | "ge" ;
/// </code>
/// </remarks>
/// <example><c>proto tcp and dst port 443</c>, <c>src net 192.0.2.0/24</c>, <c>not as 64496</c>, <c>in if 3</c>,
/// <c>port in [80 443]</c>, <c>bytes &gt; 1000</c>, <c>country JP</c>, <c>(app https or app dns) and not boundary internal</c>, <c>origin as 64496 and direction in</c>.</example>
public static class FilterParser
{
    /// <summary>Longer filter text is refused; no real filter comes near it.</summary>
    public const int MaxLength = 4096;

    /// <summary>Deeper nesting of parentheses and <c>not</c> is refused, so the parser's recursion stays bounded.</summary>
    public const int MaxDepth = 64;

    /// <summary>Parses <paramref name="text"/>; on failure <paramref name="error"/> says where and what was expected.</summary>
    public static bool TryParse(
        string text, [NotNullWhen(true)] out FilterExpression? expression, [NotNullWhen(false)] out FilterError? error)
    {
        ArgumentNullException.ThrowIfNull(text);
        expression = null;
        if (text.Length > MaxLength)
        {
            error = new FilterError(MaxLength, text.Length - MaxLength, $"the filter is longer than {MaxLength} characters");
            return false;
        }
        try
        {
            expression = new FilterSyntax(text).ParseFilter();
            error = null;
            return true;
        }
        catch (FilterSyntaxException exception)
        {
            error = exception.Error;
            return false;
        }
    }

    /// <summary>Parses <paramref name="text"/> or throws a <see cref="FormatException"/> with the error's message and position.</summary>
    public static FilterExpression Parse(string text) =>
        TryParse(text, out var expression, out var error) ? expression : throw new FormatException(error.ToString());
}
