using FlowViz.Core.Flows;

namespace FlowViz.Enrichment.Tests;

/// <summary>Swapping the networks and application rules while flows are enriched: new flows see the new set, no flow sees half of one.</summary>
public sealed class LiveEnrichmentRulesTests
{
    // Set A: 10/8 is local and tcp/9999 is "alpha"; set B: 192.0.2.0/24 is local and tcp/9999 is "beta".
    private static readonly EnrichmentConfiguration SetA = Build("10.0.0.0/8", "alpha");
    private static readonly EnrichmentConfiguration SetB = Build("192.0.2.0/24", "beta");

    [Fact]
    public void Enrich_AfterSwap_UsesTheNewNetworksAndRules()
    {
        var live = new LiveEnrichmentRules(SetA);
        var enricher = new FlowEnricher(live, geoIP: null);
        var before = Probe();
        enricher.Enrich(ref before);

        live.Swap(SetB);
        var after = Probe();
        enricher.Enrich(ref after);

        Assert.Equal(("alpha", TrafficDirection.Out), (before.Application, before.TrafficDirection));
        Assert.Equal(("beta", TrafficDirection.In), (after.Application, after.TrafficDirection));
        Assert.Equal(1, live.Swaps);
    }

    [Fact]
    public void Enrich_WhileSwappingConcurrently_EveryFlowSeesOneWholeSet()
    {
        var live = new LiveEnrichmentRules(SetA);
        var enricher = new FlowEnricher(live, geoIP: null);
        using var stop = new CancellationTokenSource();
        // A thread of its own: on 2 cores a pool task can wait behind the enriching workers until they are done.
        var swapper = new Thread(() =>
        {
            for (var i = 0; !stop.IsCancellationRequested; i++)
            {
                live.Swap(i % 2 == 0 ? SetB : SetA);
            }
        }) { IsBackground = true };
        swapper.Start();
        SpinWait.SpinUntil(() => live.Swaps > 0, TimeSpan.FromSeconds(30));
        var mixed = 0;
        Parallel.For(0, 4, _ =>
        {
            // At least 200,000 flows each, and on until the swapper has swapped many times while they ran.
            for (var n = 0; n < 200_000 || (live.Swaps < 1_000 && n < 100_000_000); n++)
            {
                var flow = Probe();
                enricher.Enrich(ref flow);
                var whole = (flow.Application, flow.TrafficDirection) is ("alpha", TrafficDirection.Out) or ("beta", TrafficDirection.In);
                if (!whole)
                {
                    Interlocked.Increment(ref mixed);
                }
            }
        });
        stop.Cancel();
        swapper.Join();

        Assert.Equal(0, mixed);
        Assert.True(live.Swaps >= 1_000, $"only {live.Swaps} swaps happened during the test");
    }

    private static FlowRecord Probe() => new()
    {
        SrcAddr = FlowAddress.Parse("10.0.0.1"),
        DstAddr = FlowAddress.Parse("192.0.2.1"),
        Protocol = 6,
        SrcPort = 50_000,
        DstPort = 9999,
    };

    private static EnrichmentConfiguration Build(string localPrefix, string application) => EnrichmentConfiguration.Build(new EnrichmentOptions
    {
        Networks = [new() { Name = "local", Prefix = localPrefix }],
        Applications = [new() { Name = application, Protocol = "tcp", Ports = "9999" }],
    });
}
