using System.Net;
using FlowViz.Core.Flows;
using FlowViz.Generator.Demo;

namespace FlowViz.Generator.Tests;

public sealed class DemoTrafficModelTests
{
    private static readonly DateTime Now = new(2026, 11, 23, 20, 0, 0, DateTimeKind.Utc);

    [Fact]
    public void Generate_AnyBuffer_EveryRequestHasItsResponseInReverse()
    {
        var flows = Generate(seed: 1, count: 1_000);

        Assert.Equal(1_000, flows.Length);
        for (var i = 0; i < flows.Length; i += 2)
        {
            var (request, response) = (flows[i], flows[i + 1]);
            Assert.Equal(request.SrcAddr, response.DstAddr);
            Assert.Equal(request.DstAddr, response.SrcAddr);
            Assert.Equal(request.Protocol, response.Protocol);
            Assert.Equal(request.InputInterface, response.OutputInterface);
        }
    }

    [Fact]
    public void Generate_AnySeed_UsesOnlyPrivateAndDocumentationAddresses()
    {
        var allowed = new[] { "192.168.10.0/24", "198.51.100.0/24", "203.0.113.0/24", "2001:db8::/32" }.Select(IPNetwork.Parse).ToArray();

        var flows = Generate(seed: 42, count: 2_000);

        Assert.All(flows.SelectMany(f => new[] { f.SrcAddr, f.DstAddr }), address =>
            Assert.Contains(allowed, network => network.Contains(address.ToIPAddress())));
    }

    [Fact]
    public void Generate_ManyFlows_MixesProtocolsAndAddressFamilies()
    {
        var flows = Generate(seed: 7, count: 4_000);

        Assert.Superset(new HashSet<byte> { 1, 6, 17, 58 }, flows.Select(f => f.Protocol).ToHashSet());
        var ipv6Share = flows.Count(f => !f.SrcAddr.IsIPv4) / (double)flows.Length;
        Assert.InRange(ipv6Share, 0.2, 0.45);
        Assert.All(flows, f => Assert.True(f.TimeStart <= f.TimeEnd && f.TimeEnd <= Now && f.Bytes >= 40 && f.Packets >= 1));
    }

    [Fact]
    public void Generate_SameSeed_SameTraffic()
    {
        Assert.Equal(Generate(seed: 3, count: 100), Generate(seed: 3, count: 100));
        Assert.NotEqual(Generate(seed: 3, count: 100), Generate(seed: 4, count: 100));
    }

    [Fact]
    public void RateFactor_OverADay_StaysBetweenQuietNightAndBusyEvening()
    {
        var factors = Enumerable.Range(0, 24).Select(h => DemoTrafficModel.RateFactor(Now.Date.AddHours(h))).ToArray();

        Assert.All(factors, f => Assert.InRange(f, 0.1, 1.0));
        Assert.True(factors.Max() - factors.Min() > 0.5, "the demo should show a day/night rhythm");
    }

    private static FlowRecord[] Generate(int seed, int count)
    {
        var flows = new FlowRecord[count];
        var written = new DemoTrafficModel(seed).Generate(flows, Now);
        return flows[..written];
    }
}
