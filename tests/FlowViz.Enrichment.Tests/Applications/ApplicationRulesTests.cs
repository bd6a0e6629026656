using FlowViz.Core.Filtering;
using FlowViz.Core.Flows;
using FlowViz.Enrichment.Applications;

namespace FlowViz.Enrichment.Tests.Applications;

public sealed class ApplicationRulesTests
{
    private const byte Icmp = 1, Tcp = 6, Udp = 17, Esp = 50, Ah = 51, IcmpV6 = 58;

    [Theory]
    [InlineData(Tcp, 51_000, 443, "https")]
    [InlineData(Udp, 51_000, 443, "quic")]
    [InlineData(Tcp, 51_000, 80, "http")]
    [InlineData(Tcp, 51_000, 8080, "http")]
    [InlineData(Udp, 33_000, 53, "dns")]
    [InlineData(Tcp, 33_000, 53, "dns")]
    [InlineData(Tcp, 60_000, 22, "ssh")]
    [InlineData(Tcp, 60_000, 25, "smtp")]
    [InlineData(Tcp, 60_000, 587, "submission")]
    [InlineData(Tcp, 60_000, 465, "submission")]
    [InlineData(Tcp, 60_000, 993, "imaps")]
    [InlineData(Tcp, 60_000, 995, "pop3s")]
    [InlineData(Udp, 60_000, 123, "ntp")]
    [InlineData(Tcp, 60_000, 3389, "rdp")]
    [InlineData(Udp, 500, 500, "ipsec")]
    [InlineData(Udp, 4500, 4500, "ipsec")]
    [InlineData(Esp, 0, 0, "ipsec")]
    [InlineData(Ah, 0, 0, "ipsec")]
    [InlineData(Udp, 60_000, 1194, "openvpn")]
    [InlineData(Udp, 60_000, 51820, "wireguard")]
    [InlineData(Tcp, 60_000, 179, "bgp")]
    [InlineData(Udp, 60_000, 161, "snmp")]
    [InlineData(Udp, 161, 162, "snmp")]
    [InlineData(Icmp, 0, 0x0800, "icmp")] // NetFlow puts ICMP type and code in the destination port
    [InlineData(IcmpV6, 0, 0x8000, "icmpv6")]
    [InlineData(Tcp, 60_000, 389, "ldap")]
    [InlineData(Tcp, 60_000, 3306, "mysql")]
    [InlineData(Tcp, 60_000, 5432, "postgresql")]
    public void Match_BuiltInRules_NameTheCommonServices(byte protocol, int srcPort, int dstPort, string application) =>
        Assert.Equal(application, Defaults().Match(protocol, (ushort)srcPort, (ushort)dstPort));

    [Theory]
    [InlineData(Tcp, 443, 51_000)]   // the answer from the server: the source port names it
    [InlineData(Tcp, 51_000, 443)]
    public void Match_EitherDirection_NamesTheServerSidePort(byte protocol, int srcPort, int dstPort) =>
        Assert.Equal("https", Defaults().Match(protocol, (ushort)srcPort, (ushort)dstPort));

    [Theory]
    [InlineData(3306, 443, "https")]  // a client that happened to pick 3306 as its source port talks to a web server
    [InlineData(443, 3306, "https")]  // and the reply
    [InlineData(53, 5432, "dns")]     // both ports named: the lower one is the server's
    [InlineData(5432, 22, "ssh")]
    public void Match_BothPortsHaveRules_TheLowerPortIsTheServer(int srcPort, int dstPort, string application) =>
        Assert.Equal(application, Defaults().Match(Tcp, (ushort)srcPort, (ushort)dstPort));

    [Theory]
    [InlineData(Tcp, 51_000, 50_999)]
    [InlineData(Udp, 40_000, 40_001)]
    [InlineData(103, 0, 0)] // PIM: no rule
    public void Match_NoRule_IsNull(byte protocol, int srcPort, int dstPort) =>
        Assert.Null(Defaults().Match(protocol, (ushort)srcPort, (ushort)dstPort));

    [Fact]
    public void Match_UserRule_ReplacesTheBuiltInOneOnTheSamePort()
    {
        var rules = Build(new ApplicationOptions { Name = "intranet", Protocol = "tcp", Ports = "443" });

        Assert.Equal("intranet", rules.Match(Tcp, 51_000, 443));
        Assert.Equal("quic", rules.Match(Udp, 51_000, 443)); // only on the protocol it names
        Assert.Equal("http", rules.Match(Tcp, 51_000, 80));
    }

    [Fact]
    public void Match_UserRangeAndProtocolRules_PortRulesBeatWholeProtocolRules()
    {
        var rules = Build(
            new ApplicationOptions { Name = "x11", Protocol = "tcp", Ports = "6000-6063" },
            new ApplicationOptions { Name = "other-udp", Protocol = "udp" },
            new ApplicationOptions { Name = "gre-tunnel", Protocol = "47" });

        Assert.Equal("x11", rules.Match(Tcp, 40_000, 6000));
        Assert.Equal("x11", rules.Match(Tcp, 40_000, 6063));
        Assert.Null(rules.Match(Tcp, 40_000, 6064));
        Assert.Equal("other-udp", rules.Match(Udp, 40_000, 40_001));
        Assert.Equal("dns", rules.Match(Udp, 40_000, 53));
        Assert.Equal("gre-tunnel", rules.Match(47, 0, 0));
    }

    [Fact]
    public void Match_SameName_IsOneSharedStringInstance()
    {
        var rules = Defaults();

        Assert.Same(rules.Match(Tcp, 40_000, 53), rules.Match(Udp, 40_000, 53));
        Assert.Same(rules.Match(Udp, 500, 500), rules.Match(Esp, 0, 0));
    }

    [Fact]
    public void DefaultRules_EveryName_IsAValidStoredLabel()
    {
        foreach (var rule in DefaultApplicationRules.All)
        {
            Assert.True(FilterValues.TryNormaliseLabel(LabelSubject.Application, rule.Name, out var normalised) && normalised == rule.Name, rule.Name);
            Assert.True(rule.Name.Length <= FlowRecord.MaxApplicationBytes, rule.Name);
        }
    }

    private static ApplicationRules Defaults() => Build();

    private static ApplicationRules Build(params ApplicationOptions[] configured)
    {
        var errors = new List<string>();
        var rules = ApplicationRules.Build(configured, errors);
        Assert.Empty(errors);
        return rules;
    }
}
