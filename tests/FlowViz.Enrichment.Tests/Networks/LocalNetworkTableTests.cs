using FlowViz.Core.Flows;
using FlowViz.Enrichment.Networks;

namespace FlowViz.Enrichment.Tests.Networks;

public sealed class LocalNetworkTableTests
{
    [Theory]
    [InlineData("10.1.2.3", "private-10")]
    [InlineData("172.31.255.255", "private-172")]
    [InlineData("192.168.0.1", "private-192")]
    [InlineData("100.127.0.1", "cgnat")]
    [InlineData("169.254.1.1", "link-local")]
    [InlineData("192.0.2.9", "test-net-1")]
    [InlineData("198.51.100.9", "test-net-2")]
    [InlineData("203.0.113.9", "test-net-3")]
    [InlineData("fd12:3456::1", "unique-local")]
    [InlineData("fe80::1", "link-local-v6")]
    [InlineData("2001:db8:ffff::1", "documentation-v6")]
    public void Find_DefaultNetworks_KnowsEachRange(string address, string network)
    {
        var table = Build([]);

        Assert.Equal(network, table.Find(FlowAddress.Parse(address))?.Name);
    }

    [Theory]
    [InlineData("9.255.255.255")]
    [InlineData("11.0.0.0")]
    [InlineData("172.32.0.0")]
    [InlineData("100.128.0.0")]
    [InlineData("8.8.8.8")]
    [InlineData("2001:db9::1")]
    [InlineData("2606:4700::1111")]
    [InlineData("fe00::1")]
    [InlineData("::")]
    public void IsLocal_DefaultNetworks_PublicAddressesAreNot(string address) =>
        Assert.False(Build([]).IsLocal(FlowAddress.Parse(address)));

    [Fact]
    public void Find_NestedNetworks_TheLongestPrefixNamesTheAddress()
    {
        var table = Build([Net("campus", "10.0.0.0/8"), Net("lab", "10.20.0.0/16"), Net("rack", "10.20.30.0/24"), Net("v6", "2001:db8::/32"), Net("v6-lab", "2001:db8:20::/48")]);

        Assert.Equal("campus", table.Find(FlowAddress.Parse("10.19.255.255"))?.Name);
        Assert.Equal("lab", table.Find(FlowAddress.Parse("10.20.29.1"))?.Name);
        Assert.Equal("rack", table.Find(FlowAddress.Parse("10.20.30.255"))?.Name);
        Assert.Equal("lab", table.Find(FlowAddress.Parse("10.20.31.0"))?.Name);
        Assert.Equal("campus", table.Find(FlowAddress.Parse("10.21.0.0"))?.Name);
        Assert.Equal("v6-lab", table.Find(FlowAddress.Parse("2001:db8:20:ffff::1"))?.Name);
        Assert.Equal("v6", table.Find(FlowAddress.Parse("2001:db8:21::1"))?.Name);
        Assert.Null(table.Find(FlowAddress.Parse("192.168.1.1"))); // configured networks replace the defaults
    }

    [Fact]
    public void Find_HostRoutesAndTheWholeSpace_AreHandledAtTheEdges()
    {
        var table = Build([Net("everything-v6", "::/0"), Net("one-host", "192.0.2.1/32"), Net("last", "255.255.255.255/32")]);

        Assert.Equal("one-host", table.Find(FlowAddress.Parse("192.0.2.1"))?.Name);
        Assert.Equal("last", table.Find(FlowAddress.Parse("255.255.255.255"))?.Name);
        Assert.Equal("everything-v6", table.Find(FlowAddress.Parse("192.0.2.2"))?.Name); // IPv4 is ::ffff:0:0/96 inside ::/0
        Assert.Equal("everything-v6", table.Find(FlowAddress.Parse("ffff:ffff:ffff:ffff:ffff:ffff:ffff:ffff"))?.Name);
    }

    [Fact]
    public void Build_BadEntries_NamesEachOne()
    {
        var errors = new List<string>();

        LocalNetworkTable.Build([Net("office", "192.0.2.1/24"), Net("", "10.0.0.0/8"), Net("bad", "10.0.0.0/33"), Net("word", "lan")], errors);

        Assert.Collection(errors,
            e => Assert.Equal("Enrichment:Networks:0 (\"office\"): Prefix \"192.0.2.1/24\" is not a network in CIDR form (like 192.0.2.0/24 or 2001:db8::/32): it has host bits set; did you mean 192.0.2.0/24?.", e),
            e => Assert.Equal("Enrichment:Networks:1 (no name): Name is required.", e),
            e => Assert.StartsWith("Enrichment:Networks:2 (\"bad\"): Prefix \"10.0.0.0/33\"", e),
            e => Assert.StartsWith("Enrichment:Networks:3 (\"word\"): Prefix \"lan\"", e));
    }

    private static NetworkOptions Net(string name, string prefix) => new() { Name = name, Prefix = prefix };

    private static LocalNetworkTable Build(List<NetworkOptions> networks)
    {
        var errors = new List<string>();
        var table = LocalNetworkTable.Build(networks, errors);
        Assert.Empty(errors);
        return table;
    }
}
