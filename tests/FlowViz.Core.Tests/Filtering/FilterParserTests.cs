using System.Net;
using FlowViz.Core.Filtering;

namespace FlowViz.Core.Tests.Filtering;

public sealed class FilterParserTests
{
    private static readonly IPNetwork Doc24 = IPNetwork.Parse("192.0.2.0/24");

    public static TheoryData<string, FilterExpression> Forms => new()
    {
        { "proto tcp", new ProtocolFilter(6) },
        { "PROTO UDP", new ProtocolFilter(17) },
        { "proto icmp", new ProtocolFilter(1) },
        { "proto 47", new ProtocolFilter(47) },
        { "proto ipv6-icmp", new ProtocolFilter(58) },
        { "host 192.0.2.7", new AddressFilter(FilterSide.Either, IPNetwork.Parse("192.0.2.7/32")) },
        { "src host 2001:db8::1", new AddressFilter(FilterSide.Src, IPNetwork.Parse("2001:db8::1/128")) },
        { "dst host ::ffff:192.0.2.7", new AddressFilter(FilterSide.Dst, IPNetwork.Parse("192.0.2.7/32")) },
        { "src net 192.0.2.0/24", new AddressFilter(FilterSide.Src, Doc24) },
        { "net 2001:db8::/32", new AddressFilter(FilterSide.Either, IPNetwork.Parse("2001:db8::/32")) },
        { "dst net 0.0.0.0/0", new AddressFilter(FilterSide.Dst, IPNetwork.Parse("0.0.0.0/0")) },
        { "port 53", new NumberFilter(NumberSubject.Port, FilterSide.Either, FilterComparison.Equal, 53) },
        { "dst port 443", new NumberFilter(NumberSubject.Port, FilterSide.Dst, FilterComparison.Equal, 443) },
        { "src port > 1024", new NumberFilter(NumberSubject.Port, FilterSide.Src, FilterComparison.Greater, 1024) },
        { "port<=1023", new NumberFilter(NumberSubject.Port, FilterSide.Either, FilterComparison.LessOrEqual, 1023) },
        { "port ge 10", new NumberFilter(NumberSubject.Port, FilterSide.Either, FilterComparison.GreaterOrEqual, 10) },
        { "port == 0", new NumberFilter(NumberSubject.Port, FilterSide.Either, FilterComparison.Equal, 0) },
        { "port 65535", new NumberFilter(NumberSubject.Port, FilterSide.Either, FilterComparison.Equal, 65535) },
        { "not as 64496", new NotFilter(new NumberFilter(NumberSubject.As, FilterSide.Either, FilterComparison.Equal, 64496)) },
        { "src as 4294967295", new NumberFilter(NumberSubject.As, FilterSide.Src, FilterComparison.Equal, 4294967295) },
        { "in if 3", new NumberFilter(NumberSubject.Interface, FilterSide.Src, FilterComparison.Equal, 3) },
        { "out if 4", new NumberFilter(NumberSubject.Interface, FilterSide.Dst, FilterComparison.Equal, 4) },
        { "if 5", new NumberFilter(NumberSubject.Interface, FilterSide.Either, FilterComparison.Equal, 5) },
        { "exporter 198.51.100.1", new ExporterFilter(IPNetwork.Parse("198.51.100.1/32")) },
        { "exporter net 198.51.100.0/24", new ExporterFilter(IPNetwork.Parse("198.51.100.0/24")) },
        { "bytes > 1000", new NumberFilter(NumberSubject.Bytes, FilterSide.Either, FilterComparison.Greater, 1000) },
        { "packets < 10", new NumberFilter(NumberSubject.Packets, FilterSide.Either, FilterComparison.Less, 10) },
        { "tos 184", new NumberFilter(NumberSubject.Tos, FilterSide.Either, FilterComparison.Equal, 184) },
        { "src vlan 100", new NumberFilter(NumberSubject.Vlan, FilterSide.Src, FilterComparison.Equal, 100) },
        { "flags S", new TcpFlagsFilter(0x02) },
        { "flags as", new TcpFlagsFilter(0x12) },
        { "country jp", new LabelFilter(LabelSubject.Country, FilterSide.Either, "JP") },
        { "dst country DE", new LabelFilter(LabelSubject.Country, FilterSide.Dst, "DE") },
        { "app HTTPS", new LabelFilter(LabelSubject.Application, FilterSide.Either, "https") },
        { "connectivity transit", new LabelFilter(LabelSubject.Connectivity, FilterSide.Either, "transit") },
        { "provider example-net", new LabelFilter(LabelSubject.Provider, FilterSide.Either, "example-net") },
        { "boundary external", new LabelFilter(LabelSubject.Boundary, FilterSide.Either, "external") },
        { "origin as 64496", new NumberFilter(NumberSubject.OriginAs, FilterSide.Either, FilterComparison.Equal, 64496) },
        { "ORIGIN AS >= 4200000000", new NumberFilter(NumberSubject.OriginAs, FilterSide.Either, FilterComparison.GreaterOrEqual, 4200000000) },
        { "origin as in [1 2]", new OrFilter(
            new NumberFilter(NumberSubject.OriginAs, FilterSide.Either, FilterComparison.Equal, 1),
            new NumberFilter(NumberSubject.OriginAs, FilterSide.Either, FilterComparison.Equal, 2)) },
        { "direction in", new DirectionFilter(FlowViz.Core.Flows.TrafficDirection.In) },
        { "direction OUT", new DirectionFilter(FlowViz.Core.Flows.TrafficDirection.Out) },
        { "direction internal", new DirectionFilter(FlowViz.Core.Flows.TrafficDirection.Internal) },
        { "not direction transit", new NotFilter(new DirectionFilter(FlowViz.Core.Flows.TrafficDirection.Transit)) },
    };

    [Theory]
    [MemberData(nameof(Forms))]
    public void Parse_EverySyntaxForm_GivesItsTree(string text, FilterExpression expected) =>
        Assert.Equal(expected, FilterParser.Parse(text));

    [Theory]
    [MemberData(nameof(Forms))]
    public void ToString_EverySyntaxForm_ParsesBackToTheSameTree(string text, FilterExpression expected)
    {
        _ = text;
        Assert.Equal(expected, FilterParser.Parse(expected.ToString()));
    }

    [Fact]
    public void Parse_ProtoAndDstPort_IsAndOfBoth() =>
        Assert.Equal(
            new AndFilter(new ProtocolFilter(6), new NumberFilter(NumberSubject.Port, FilterSide.Dst, FilterComparison.Equal, 443)),
            FilterParser.Parse("proto tcp and dst port 443"));

    [Fact]
    public void Parse_NotBindsTighterThanAndTighterThanOr()
    {
        var a = new ProtocolFilter(6);
        var b = new ProtocolFilter(17);
        var c = new ProtocolFilter(1);

        Assert.Equal(new OrFilter(new AndFilter(new NotFilter(a), b), c), FilterParser.Parse("not proto tcp and proto udp or proto icmp"));
        Assert.Equal(new OrFilter(a, new AndFilter(b, new NotFilter(c))), FilterParser.Parse("proto tcp or proto udp and not proto icmp"));
    }

    [Fact]
    public void Parse_SymbolOperators_SameAsWords() =>
        Assert.Equal(
            FilterParser.Parse("not (proto tcp or proto udp) and port 53"),
            FilterParser.Parse("!(proto tcp || proto udp) && port 53"));

    [Fact]
    public void Parse_AndOr_GroupToTheLeft()
    {
        var (a, b, c) = (new ProtocolFilter(1), new ProtocolFilter(2), new ProtocolFilter(3));

        Assert.Equal(new OrFilter(new OrFilter(a, b), c), FilterParser.Parse("proto 1 or proto 2 or proto 3"));
        Assert.Equal(new AndFilter(a, new AndFilter(b, c)), FilterParser.Parse("proto 1 and (proto 2 and proto 3)"));
    }

    [Fact]
    public void Parse_PortList_IsOrOfEqualities()
    {
        NumberFilter Port(ulong value) => new(NumberSubject.Port, FilterSide.Dst, FilterComparison.Equal, value);

        Assert.Equal(new OrFilter(new OrFilter(Port(80), Port(443)), Port(8080)), FilterParser.Parse("dst port in [80 443, 8080]"));
    }

    [Theory]
    [InlineData("not  proto   TCP", "not proto tcp")]
    [InlineData("(proto tcp)", "proto tcp")]
    [InlineData("proto 6 && (dst port 443 || dst port 80)", "proto tcp and (dst port 443 or dst port 80)")]
    [InlineData("src net 192.0.2.7/32", "src host 192.0.2.7")]
    [InlineData("port in [80 443]", "port 80 or port 443")]
    [InlineData("not (not proto udp)", "not not proto udp")]
    [InlineData("proto 1 or (proto 2 or proto 3)", "proto icmp or (proto igmp or proto 3)")]
    [InlineData("flags fsa", "flags ASF")]
    [InlineData("host 2001:DB8:0:0::1", "host 2001:db8::1")]
    public void ToString_Parsed_IsCanonicalText(string text, string canonical) =>
        Assert.Equal(canonical, FilterParser.Parse(text).ToString());
}
