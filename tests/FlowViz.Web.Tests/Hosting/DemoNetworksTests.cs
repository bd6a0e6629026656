using FlowViz.Core.Flows;
using FlowViz.Enrichment;
using FlowViz.Web.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace FlowViz.Web.Tests.Hosting;

public sealed class DemoNetworksTests
{
    [Fact]
    public void AddWhenDemo_NoNetworksConfigured_DemoLanIsLocalAndItsRemotesAreNot()
    {
        var flow = Enrich(new Dictionary<string, string?> { ["Demo:Enabled"] = "true" });

        Assert.Equal(TrafficDirection.Out, flow.TrafficDirection);
    }

    [Fact]
    public void AddWhenDemo_WithoutDemo_KeepsTheDefaultsThatCountDocumentationRangesLocal()
    {
        var flow = Enrich([]);

        Assert.Equal(TrafficDirection.Internal, flow.TrafficDirection);
    }

    [Fact]
    public void AddWhenDemo_UserNetworksConfigured_LeavesThemAlone()
    {
        var flow = Enrich(new Dictionary<string, string?>
        {
            ["Demo:Enabled"] = "true",
            ["Enrichment:Networks:0:Name"] = "theirs",
            ["Enrichment:Networks:0:Prefix"] = "198.51.100.0/24",
        });

        Assert.Equal(TrafficDirection.In, flow.TrafficDirection);
    }

    // A demo conversation: a LAN host (192.168.10.0/24) talking to a remote in a documentation range.
    private static FlowRecord Enrich(Dictionary<string, string?> settings)
    {
        var configuration = new ConfigurationManager();
        configuration.AddInMemoryCollection(settings);
        DemoNetworks.AddWhenDemo(configuration);
        var services = new ServiceCollection().AddLogging();
        services.AddFlowEnrichment(configuration);
        using var provider = services.BuildServiceProvider();
        var flow = new FlowRecord
        {
            SrcAddr = FlowAddress.Parse("192.168.10.20"),
            DstAddr = FlowAddress.Parse("198.51.100.7"),
            Protocol = 6,
            SrcPort = 50_000,
            DstPort = 443,
        };
        provider.GetRequiredService<IFlowEnricher>().Enrich(ref flow);
        return flow;
    }
}
