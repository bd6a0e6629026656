using System.Globalization;
using System.Text;

namespace FlowViz.Core.Filtering;

/// <summary>
/// Prints a filter as canonical text: lower-case keywords, single spaces, protocol names where known,
/// networks in CIDR form, and parentheses only where precedence needs them (the right operand of an
/// and/or of the same kind is parenthesised, since the parser groups to the left). Parsing the text gives
/// back an equal tree.
/// </summary>
public static class FilterPrinter
{
    private const int OrLevel = 1;
    private const int AndLevel = 2;
    private const int NotLevel = 3;

    /// <summary>The canonical text of <paramref name="expression"/>.</summary>
    public static string Print(FilterExpression expression)
    {
        var text = new StringBuilder();
        Write(text, expression, OrLevel);
        return text.ToString();
    }

    private static void Write(StringBuilder text, FilterExpression expression, int level)
    {
        var own = expression switch
        {
            OrFilter => OrLevel,
            AndFilter => AndLevel,
            _ => NotLevel,
        };
        var parenthesise = own < level;
        text.Append(parenthesise ? "(" : "");
        switch (expression)
        {
            case OrFilter or:
                Write(text, or.Left, OrLevel);
                text.Append(" or ");
                Write(text, or.Right, AndLevel);
                break;
            case AndFilter and:
                Write(text, and.Left, AndLevel);
                text.Append(" and ");
                Write(text, and.Right, NotLevel);
                break;
            case NotFilter not:
                text.Append("not ");
                Write(text, not.Operand, NotLevel);
                break;
            default:
                text.Append(PredicateText(expression));
                break;
        }
        text.Append(parenthesise ? ")" : "");
    }

    private static string PredicateText(FilterExpression predicate) => predicate switch
    {
        AddressFilter a => SideText(a.Side) + (a.IsHost ? $"host {a.Network.BaseAddress}" : $"net {a.Network}"),
        ExporterFilter e => e.IsHost ? $"exporter {e.Network.BaseAddress}" : $"exporter net {e.Network}",
        ProtocolFilter p => "proto " + FilterProtocols.NameOf(p.Protocol),
        NumberFilter n => SubjectText(n.Subject, n.Side) + ComparisonText(n.Comparison) + n.Value.ToString(CultureInfo.InvariantCulture),
        TcpFlagsFilter f => "flags " + FilterValues.FlagsText(f.Flags),
        LabelFilter l => LabelText(l.Subject, l.Side) + " " + l.Value,
        DirectionFilter d => "direction " + FilterValues.DirectionText(d.Direction),
        _ => throw new ArgumentOutOfRangeException(nameof(predicate), predicate.GetType().Name, "Unknown filter node."),
    };

    private static string SideText(FilterSide side) => side switch
    {
        FilterSide.Src => "src ",
        FilterSide.Dst => "dst ",
        _ => "",
    };

    private static string SubjectText(NumberSubject subject, FilterSide side) => subject switch
    {
        NumberSubject.Port => SideText(side) + "port",
        NumberSubject.As => SideText(side) + "as",
        NumberSubject.Vlan => SideText(side) + "vlan",
        NumberSubject.Interface => side switch
        {
            FilterSide.Src => "in if",
            FilterSide.Dst => "out if",
            _ => "if",
        },
        NumberSubject.Bytes => "bytes",
        NumberSubject.Packets => "packets",
        NumberSubject.Tos => "tos",
        NumberSubject.OriginAs => "origin as",
        _ => throw new ArgumentOutOfRangeException(nameof(subject), subject, "Unknown subject."),
    };

    private static string ComparisonText(FilterComparison comparison) => comparison switch
    {
        FilterComparison.Less => " < ",
        FilterComparison.Greater => " > ",
        FilterComparison.LessOrEqual => " <= ",
        FilterComparison.GreaterOrEqual => " >= ",
        _ => " ",
    };

    private static string LabelText(LabelSubject subject, FilterSide side) => subject switch
    {
        LabelSubject.Country => SideText(side) + "country",
        LabelSubject.Application => "app",
        LabelSubject.Connectivity => "connectivity",
        LabelSubject.Provider => "provider",
        LabelSubject.Boundary => "boundary",
        _ => throw new ArgumentOutOfRangeException(nameof(subject), subject, "Unknown subject."),
    };
}
