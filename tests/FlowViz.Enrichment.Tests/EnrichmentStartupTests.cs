using FlowViz.Core.Flows;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace FlowViz.Enrichment.Tests;

/// <summary>The section as the host binds it: what a user writes in appsettings.json reaches the enricher, or start-up stops.</summary>
public sealed class EnrichmentStartupTests
{
    [Fact]
    public void AddFlowEnrichment_Configuration_BindsRulesNetworksAndGeoIP()
    {
        using var services = Provider(new()
        {
            ["Enrichment:GeoIP:AsOrder"] = "GeoIPFirst",
            ["Enrichment:GeoIP:CountryDatabase"] = "/nonexistent/GeoLite2-Country.mmdb",
            ["Enrichment:Networks:0:Name"] = "office",
            ["Enrichment:Networks:0:Prefix"] = "8.8.8.0/24",
            ["Enrichment:Applications:0:Name"] = "games",
            ["Enrichment:Applications:0:Protocol"] = "tcp,udp",
            ["Enrichment:Applications:0:Ports"] = "27015-27030",
        });

        var options = services.GetRequiredService<IOptions<EnrichmentOptions>>().Value;
        var flow = new FlowRecord { SrcAddr = FlowAddress.Parse("1.1.1.1"), DstAddr = FlowAddress.Parse("8.8.8.8"), Protocol = 17, SrcPort = 27016, DstPort = 60_000 };
        services.GetRequiredService<IFlowEnricher>().Enrich(ref flow);

        Assert.Equal(AsOrder.GeoIPFirst, options.GeoIP.AsOrder);
        Assert.Equal(("games", TrafficDirection.In), (flow.Application, flow.TrafficDirection));
        Assert.Contains(services.GetServices<IHostedService>(), s => s.GetType().Name == "GeoIPReloadService");
    }

    [Fact]
    public void AddFlowEnrichment_BadSettings_FailsValidationNamingEveryMistake()
    {
        using var services = Provider(new()
        {
            ["Enrichment:Networks:0:Name"] = "office",
            ["Enrichment:Networks:0:Prefix"] = "192.0.2.1/24",
            ["Enrichment:Applications:0:Name"] = "Games",
            ["Enrichment:Applications:0:Protocol"] = "tcp",
            ["Enrichment:Applications:1:Name"] = "voip",
            ["Enrichment:Applications:1:Protocol"] = "sip",
        });

        var failure = Assert.Throws<OptionsValidationException>(() => services.GetRequiredService<IOptions<EnrichmentOptions>>().Value);

        Assert.Equal(3, failure.Failures.Count());
        Assert.Contains(failure.Failures, f => f.StartsWith("Enrichment:Networks:0 (\"office\")", StringComparison.Ordinal));
        Assert.Contains(failure.Failures, f => f.StartsWith("Enrichment:Applications:0 (\"Games\")", StringComparison.Ordinal));
        Assert.Contains(failure.Failures, f => f.StartsWith("Enrichment:Applications:1 (\"voip\"): Protocol \"sip\"", StringComparison.Ordinal));
    }

    [Fact]
    public void AddFlowEnrichment_UnknownAsOrder_StopsStartup()
    {
        using var services = Provider(new() { ["Enrichment:GeoIP:AsOrder"] = "BgpFirst" });

        Assert.ThrowsAny<InvalidOperationException>(() => services.GetRequiredService<IOptions<EnrichmentOptions>>().Value);
    }

    private static ServiceProvider Provider(Dictionary<string, string?> settings)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        var services = new ServiceCollection();
        services.AddSingleton<ILoggerFactory>(NullLoggerFactory.Instance);
        services.AddSingleton(typeof(ILogger<>), typeof(Logger<>));
        services.AddFlowEnrichment(configuration);
        return services.BuildServiceProvider();
    }
}
