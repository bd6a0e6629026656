namespace FlowViz.Core.Filtering;

/// <summary>The predicates: predicate = [ "src" | "dst" ] term, where the side is only allowed on sided terms.</summary>
internal sealed partial class FilterSyntax
{
    private const string TermList =
        "a filter term (proto, host, net, port, as, origin as, in if, out if, exporter, bytes, packets, tos, flags, vlan, country, app, connectivity, provider, boundary, direction)";

    private FilterExpression ParsePredicate()
    {
        var start = Current.Position;
        var side = FilterSide.Either;
        if (Current.IsWord("src") || Current.IsWord("dst"))
        {
            side = Current.IsWord("src") ? FilterSide.Src : FilterSide.Dst;
            _index++;
        }
        var keyword = ExpectWord(start, side == FilterSide.Either ? TermList : "host, net, port, as, vlan or country");
        return keyword.Text.ToLowerInvariant() switch
        {
            "host" => new AddressFilter(side, FilterValues.HostNetwork(ParseAddress(start))),
            "net" => new AddressFilter(side, ParseNetwork(start)),
            "port" => ParseNumberTest(start, NumberSubject.Port, side, "a port number"),
            "as" => ParseNumberTest(start, NumberSubject.As, side, "an AS number"),
            "vlan" => ParseNumberTest(start, NumberSubject.Vlan, side, "a VLAN id"),
            "country" => ParseLabel(start, LabelSubject.Country, side, "a two-letter country code"),
            _ when side != FilterSide.Either => throw Error(keyword, $"'{keyword.Text}' cannot follow '{_tokens[_index - 2].Text}': only host, net, port, as, vlan and country have a side"),
            "proto" => ParseProtocol(start),
            "in" or "out" => ParseInterface(start, keyword.IsWord("in") ? FilterSide.Src : FilterSide.Dst),
            "if" => ParseNumberTest(start, NumberSubject.Interface, FilterSide.Either, "an interface index"),
            "exporter" => new ExporterFilter(Current.IsWord("net") ? ParseNetworkAfterNet(start) : FilterValues.HostNetwork(ParseAddress(start))),
            "bytes" => ParseNumberTest(start, NumberSubject.Bytes, side, "a byte count"),
            "packets" => ParseNumberTest(start, NumberSubject.Packets, side, "a packet count"),
            "tos" => ParseNumberTest(start, NumberSubject.Tos, side, "a ToS value (0 to 255)"),
            "flags" => ParseFlags(start),
            "app" => ParseLabel(start, LabelSubject.Application, side, "an application name"),
            "connectivity" => ParseLabel(start, LabelSubject.Connectivity, side, "a connectivity name"),
            "provider" => ParseLabel(start, LabelSubject.Provider, side, "a provider name"),
            "boundary" => ParseLabel(start, LabelSubject.Boundary, side, "'external' or 'internal'"),
            "origin" => ParseOriginAs(start),
            "direction" => ParseDirection(start),
            _ => throw Error(keyword, $"expected {TermList}, found '{keyword.Text}'"),
        };
    }

    private System.Net.IPAddress ParseAddress(int start)
    {
        var value = ExpectWord(start, "an IP address");
        return FilterValues.TryParseAddress(value.Text, out var address)
            ? address
            : throw Error(value, $"'{value.Text}' is not an IP address (such as 192.0.2.1 or 2001:db8::1)");
    }

    private System.Net.IPNetwork ParseNetworkAfterNet(int start)
    {
        _index++;
        return ParseNetwork(start);
    }

    private System.Net.IPNetwork ParseNetwork(int start)
    {
        var value = ExpectWord(start, "a network such as 192.0.2.0/24");
        if (FilterValues.TryParseNetwork(value.Text, out var network, out var reason))
        {
            return network;
        }
        throw Error(value, reason is null
            ? $"'{value.Text}' is not a network such as 192.0.2.0/24 or 2001:db8::/32"
            : $"'{value.Text}' is not a network: {reason}");
    }

    private ProtocolFilter ParseProtocol(int start)
    {
        var value = ExpectWord(start, "a protocol name or number");
        return FilterProtocols.TryParse(value.Text, out var protocol)
            ? new ProtocolFilter(protocol)
            : throw Error(value, $"'{value.Text}' is not a protocol; use a number from 0 to 255 or one of: {string.Join(", ", FilterProtocols.Names)}");
    }

    private FilterExpression ParseInterface(int start, FilterSide side)
    {
        if (!Current.IsWord("if"))
        {
            throw Expected(start, "'if'", Current);
        }
        _index++;
        return ParseNumberTest(start, NumberSubject.Interface, side, "an interface index");
    }

    /// <summary>"origin" "as" number-test</summary>
    private FilterExpression ParseOriginAs(int start)
    {
        if (!Current.IsWord("as"))
        {
            throw Expected(start, "'as'", Current);
        }
        _index++;
        return ParseNumberTest(start, NumberSubject.OriginAs, FilterSide.Either, "an AS number");
    }

    /// <summary>"direction" ( "in" | "out" | "internal" | "transit" )</summary>
    private DirectionFilter ParseDirection(int start)
    {
        var value = ExpectWord(start, FilterValues.DirectionNames);
        return FilterValues.TryParseDirection(value.Text, out var direction)
            ? new DirectionFilter(direction)
            : throw Error(value, $"'{value.Text}' is not a direction; use {FilterValues.DirectionNames}");
    }

    /// <summary>number-test = [ comparison ] number | "in" "[" number { [","] number } "]"</summary>
    private FilterExpression ParseNumberTest(int start, NumberSubject subject, FilterSide side, string expected)
    {
        if (Current.IsWord("in"))
        {
            return ParseNumberList(start, subject, side, expected);
        }
        var comparison = ParseComparison();
        return new NumberFilter(subject, side, comparison, ParseNumber(start, subject, expected));
    }

    private FilterExpression ParseNumberList(int start, NumberSubject subject, FilterSide side, string expected)
    {
        _index++;
        if (Current.Kind != FilterTokenKind.LeftBracket)
        {
            throw Expected(start, "'[' to start a list", Current);
        }
        _index++;
        FilterExpression? list = null;
        while (Current.Kind != FilterTokenKind.RightBracket || list is null)
        {
            var item = new NumberFilter(subject, side, FilterComparison.Equal, ParseNumber(start, subject, expected));
            list = list is null ? item : new OrFilter(list, item);
            if (Current.Kind == FilterTokenKind.Comma)
            {
                _index++;
            }
        }
        _index++;
        return list;
    }

    private FilterComparison ParseComparison()
    {
        var token = Current;
        var comparison = token.Text.ToLowerInvariant() switch
        {
            _ when token.Kind is not (FilterTokenKind.Compare or FilterTokenKind.Word) => (FilterComparison?)null,
            "=" or "==" or "eq" => FilterComparison.Equal,
            "<" or "lt" => FilterComparison.Less,
            ">" or "gt" => FilterComparison.Greater,
            "<=" or "le" => FilterComparison.LessOrEqual,
            ">=" or "ge" => FilterComparison.GreaterOrEqual,
            _ => null,
        };
        if (comparison is { } found)
        {
            _index++;
            return found;
        }
        return FilterComparison.Equal;
    }

    private ulong ParseNumber(int start, NumberSubject subject, string expected)
    {
        var value = Current;
        if (value.Kind != FilterTokenKind.Word || !value.Text.All(char.IsAsciiDigit))
        {
            throw Expected(start, expected, value);
        }
        _index++;
        return FilterValues.TryParseNumber(value.Text, subject, out var number)
            ? number
            : throw Error(value, $"'{value.Text}' is out of range: {expected} is from 0 to {FilterValues.MaxOf(subject)}");
    }

    private TcpFlagsFilter ParseFlags(int start)
    {
        var value = ExpectWord(start, "TCP flag letters (C E U A P R S F)");
        return FilterValues.TryParseFlags(value.Text, out var flags)
            ? new TcpFlagsFilter(flags)
            : throw Error(value, $"'{value.Text}' is not TCP flags; use letters from {FilterValues.FlagLetters} (CWR ECE URG ACK PSH RST SYN FIN)");
    }

    private LabelFilter ParseLabel(int start, LabelSubject subject, FilterSide side, string expected)
    {
        // "country OR" and "app not" name things; only the spelled keywords can be values, not "||" or "!".
        var value = Current.Kind is FilterTokenKind.And or FilterTokenKind.Or or FilterTokenKind.Not && char.IsAsciiLetter(Current.Text[0])
            ? _tokens[_index++]
            : ExpectWord(start, expected);
        return FilterValues.TryNormaliseLabel(subject, value.Text, out var label)
            ? new LabelFilter(subject, side, label)
            : throw Error(value, $"'{value.Text}' is not {expected}");
    }
}
