using FlowViz.Core.Filtering;
using FlowViz.Core.Flows;

namespace FlowViz.Core.Tests.Filtering;

public sealed class FilterEvaluatorTests
{
    private static readonly FlowRecord Https = new()
    {
        Exporter = FlowAddress.Parse("198.51.100.1"),
        SrcAddr = FlowAddress.Parse("192.0.2.7"),
        DstAddr = FlowAddress.Parse("203.0.113.9"),
        SrcPort = 50_000,
        DstPort = 443,
        Protocol = 6,
        TcpFlags = 0x12,
        Tos = 0,
        InputInterface = 3,
        OutputInterface = 4,
        Bytes = 1_500,
        Packets = 3,
        SamplingRate = 10,
        SrcAs = 64_496,
        DstAs = 64_511,
        SrcVlan = 10,
    };

    [Theory]
    [InlineData("proto tcp and dst port 443", true)]
    [InlineData("proto udp", false)]
    [InlineData("src net 192.0.2.0/24", true)]
    [InlineData("dst net 192.0.2.0/24", false)]
    [InlineData("net 203.0.113.0/24", true)]
    [InlineData("host 203.0.113.9", true)]
    [InlineData("src host 203.0.113.9", false)]
    [InlineData("net 2001:db8::/32", false)]
    [InlineData("net 0.0.0.0/0", true)]
    [InlineData("not as 64496", false)]
    [InlineData("as 64511", true)]
    [InlineData("in if 3 and out if 4", true)]
    [InlineData("in if 4", false)]
    [InlineData("if 4", true)]
    [InlineData("exporter 198.51.100.1", true)]
    [InlineData("exporter net 10.0.0.0/8", false)]
    [InlineData("bytes > 1000 and bytes < 1501", true)]
    [InlineData("bytes > 1500", false)]
    [InlineData("packets <= 3 and packets >= 3", true)]
    [InlineData("port > 1024", true)]
    [InlineData("src port < 1024", false)]
    [InlineData("port in [80 443]", true)]
    [InlineData("flags SA", true)]
    [InlineData("flags S", true)]
    [InlineData("flags R", false)]
    [InlineData("flags F", false)]
    [InlineData("tos 0", true)]
    [InlineData("src vlan 10 and not dst vlan 10", true)]
    [InlineData("proto udp or (proto tcp and not port 80)", true)]
    public void Matches_KnownFlow_FollowsNfdumpMeaning(string filter, bool expected) =>
        Assert.Equal(expected, FilterEvaluator.Matches(FilterParser.Parse(filter), Https));

    [Theory]
    // Origin AS: the source AS of inbound flows, the destination AS of outbound ones, none otherwise.
    [InlineData(TrafficDirection.In, "origin as 64496", true)]
    [InlineData(TrafficDirection.In, "origin as 64511", false)]
    [InlineData(TrafficDirection.Out, "origin as 64511", true)]
    [InlineData(TrafficDirection.Out, "origin as < 64500", false)]
    [InlineData(TrafficDirection.Internal, "origin as 64496 or origin as 64511", false)]
    [InlineData(TrafficDirection.Internal, "origin as >= 0", false)]
    [InlineData(TrafficDirection.Transit, "not origin as 64496", true)]
    [InlineData(TrafficDirection.Unknown, "not origin as >= 0", true)]
    [InlineData(TrafficDirection.In, "direction in", true)]
    [InlineData(TrafficDirection.In, "direction out", false)]
    [InlineData(TrafficDirection.Transit, "direction transit and not direction internal", true)]
    [InlineData(TrafficDirection.Unknown, "direction in or direction out or direction internal or direction transit", false)]
    public void Matches_OriginAsAndDirection_FollowTheTrafficDirection(TrafficDirection direction, string filter, bool expected) =>
        Assert.Equal(expected, FilterEvaluator.Matches(FilterParser.Parse(filter), Https with { TrafficDirection = direction }));

    [Fact]
    public void Matches_MissingAddress_MatchesNoAddressPredicateButItsNegation()
    {
        var flow = Https with { SrcAddr = FlowAddress.None, Exporter = FlowAddress.None };

        Assert.False(FilterEvaluator.Matches(FilterParser.Parse("src net 0.0.0.0/0"), flow));
        Assert.True(FilterEvaluator.Matches(FilterParser.Parse("not src net 0.0.0.0/0"), flow));
        Assert.True(FilterEvaluator.Matches(FilterParser.Parse("not exporter 198.51.100.1"), flow));
        Assert.True(FilterEvaluator.Matches(FilterParser.Parse("net 0.0.0.0/0"), flow));
    }

    [Fact]
    public void Matches_IPv6Flow_MatchesIPv6NetworksOnly()
    {
        var flow = Https with { SrcAddr = FlowAddress.Parse("2001:db8::1"), DstAddr = FlowAddress.Parse("2001:db8::2") };

        Assert.True(FilterEvaluator.Matches(FilterParser.Parse("src net 2001:db8::/32"), flow));
        Assert.False(FilterEvaluator.Matches(FilterParser.Parse("net 0.0.0.0/0"), flow));
    }

    [Theory]
    [InlineData("connectivity transit")]
    [InlineData("proto tcp and not provider example")]
    [InlineData("boundary external or port 80")]
    public void Matches_DimensionNotInFlowRecord_IsReportedNotEvaluable(string filter)
    {
        var expression = FilterParser.Parse(filter);

        Assert.False(FilterEvaluator.IsEvaluable(expression));
        Assert.Throws<FilterNotSupportedException>(() => FilterEvaluator.Matches(expression, Https));
    }

    [Theory]
    [InlineData("country JP", true)]
    [InlineData("src country JP", true)]
    [InlineData("dst country JP", false)]
    [InlineData("dst country US", true)]
    [InlineData("app https", true)]
    [InlineData("app HTTPS", true)] // names are lower case, as the parser writes them
    [InlineData("not app dns", true)]
    public void Matches_CountryAndApplication_ReadTheEnrichedFields(string filter, bool expected)
    {
        var flow = Https with { SrcCountry = CountryCodes.Pack("JP"), DstCountry = CountryCodes.Pack("US"), Application = "https" };

        Assert.Equal(expected, FilterEvaluator.Matches(FilterParser.Parse(filter), flow));
    }

    [Fact]
    public void Matches_NoCountryOrApplication_MatchesOnlyTheirNegation()
    {
        Assert.False(FilterEvaluator.Matches(FilterParser.Parse("country JP or app https"), Https with { Application = null }));
        Assert.True(FilterEvaluator.Matches(FilterParser.Parse("not country JP"), Https));
    }
}
