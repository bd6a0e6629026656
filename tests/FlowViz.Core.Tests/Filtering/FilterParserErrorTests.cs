using FlowViz.Core.Filtering;

namespace FlowViz.Core.Tests.Filtering;

public sealed class FilterParserErrorTests
{
    [Theory]
    // position, length, message
    [InlineData("proto tcp and dst port https", 23, 5, "expected a port number after 'dst port', found 'https'")]
    [InlineData("", 0, 0, "expected a filter such as 'proto tcp and dst port 443'")]
    [InlineData("proto", 5, 0, "expected a protocol name or number after 'proto', found end of filter")]
    [InlineData("proto xyz", 6, 3, "'xyz' is not a protocol")]
    [InlineData("proto 256", 6, 3, "'256' is not a protocol")]
    [InlineData("port 65536", 5, 5, "'65536' is out of range: a port number is from 0 to 65535")]
    [InlineData("as 4294967296", 3, 10, "'4294967296' is out of range: an AS number is from 0 to 4294967295")]
    [InlineData("host 1.2.3", 5, 5, "'1.2.3' is not an IP address")]
    [InlineData("host 010.0.0.1", 5, 9, "'010.0.0.1' is not an IP address")]
    [InlineData("net 192.0.2.1/24", 4, 12, "'192.0.2.1/24' is not a network: it has host bits set; did you mean 192.0.2.0/24?")]
    [InlineData("net 192.0.2.0/33", 4, 12, "'192.0.2.0/33' is not a network: the prefix length must be from 0 to 32")]
    [InlineData("net 192.0.2.0", 4, 9, "'192.0.2.0' is not a network such as 192.0.2.0/24")]
    [InlineData("proto tcp and", 13, 0, "expected a filter term (proto, host, net, port, as, origin as, in if, out if, exporter, bytes, packets, tos, flags, vlan, country, app, connectivity, provider, boundary, direction), found end of filter")]
    [InlineData("origin 64496", 7, 5, "expected 'as' after 'origin', found '64496'")]
    [InlineData("origin as", 9, 0, "expected an AS number after 'origin as', found end of filter")]
    [InlineData("origin as 4294967296", 10, 10, "'4294967296' is out of range: an AS number is from 0 to 4294967295")]
    [InlineData("src origin as 1", 4, 6, "'origin' cannot follow 'src'")]
    [InlineData("direction inbound", 10, 7, "'inbound' is not a direction; use 'in', 'out', 'internal' or 'transit'")]
    [InlineData("direction unknown", 10, 7, "'unknown' is not a direction")]
    [InlineData("proto tcp and direction", 23, 0, "expected 'in', 'out', 'internal' or 'transit' after 'direction', found end of filter")]
    [InlineData("direction (in)", 10, 1, "expected 'in', 'out', 'internal' or 'transit' after 'direction', found '('")]
    [InlineData("proto tcp proto udp", 10, 5, "expected 'and', 'or' or the end of the filter, found 'proto'")]
    [InlineData("(proto tcp", 10, 0, "expected 'and', 'or' or ')' to close the '(' at position 0, found end of filter")]
    [InlineData("proto tcp)", 9, 1, "unbalanced ')': no '(' is open here")]
    [InlineData("src proto tcp", 4, 5, "'proto' cannot follow 'src': only host, net, port, as, vlan and country have a side")]
    [InlineData("in 3", 3, 1, "expected 'if' after 'in', found '3'")]
    [InlineData("country JPN", 8, 3, "'JPN' is not a two-letter country code")]
    [InlineData("boundary outside", 9, 7, "'outside' is not 'external' or 'internal'")]
    [InlineData("port != 80", 5, 2, "expected a port number after 'port', found '!='")]
    [InlineData("proto tcp & port 80", 10, 1, "expected 'and', 'or' or the end of the filter, found '&'")]
    [InlineData("port in [80 http]", 12, 4, "expected a port number after 'port in [80', found 'http'")]
    [InlineData("port in []", 9, 1, "expected a port number after 'port in [', found ']'")]
    [InlineData("flags SX", 6, 2, "'SX' is not TCP flags")]
    [InlineData("colour red", 0, 6, "expected a filter term")]
    [InlineData("host 1.2.3.4'; drop table flows; --", 5, 9, "'1.2.3.4';' is not an IP address")]
    public void TryParse_BadInput_ReportsPositionLengthAndWhatWasExpected(string text, int position, int length, string message)
    {
        Assert.False(FilterParser.TryParse(text, out var expression, out var error));

        Assert.Null(expression);
        Assert.StartsWith(message, error.Message, StringComparison.Ordinal);
        Assert.Equal((position, length), (error.Position, error.Length));
    }

    [Fact]
    public void TryParse_DeepNesting_IsRefusedNotOverflowed()
    {
        var text = new string('(', 100_000) + "proto tcp" + new string(')', 100_000);

        Assert.False(FilterParser.TryParse(text, out _, out var error));
        Assert.Contains("longer than", error.Message, StringComparison.Ordinal);

        Assert.False(FilterParser.TryParse(string.Concat(Enumerable.Repeat("not ", 65)) + "proto tcp", out _, out error));
        Assert.Equal((256, 3), (error.Position, error.Length));
        Assert.Contains("nests deeper than 64", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ToString_Error_AddsThePosition() =>
        Assert.Equal(
            "expected a port number after 'dst port', found 'https' at position 23",
            Assert.Throws<FormatException>(() => FilterParser.Parse("proto tcp and dst port https")).Message);
}
