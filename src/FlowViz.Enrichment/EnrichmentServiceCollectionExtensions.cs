using FlowViz.Core.Flows;
using FlowViz.Enrichment.GeoIP;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace FlowViz.Enrichment;

public static class EnrichmentServiceCollectionExtensions
{
    /// <summary>
    /// Adds ingest enrichment as the <see cref="IFlowEnricher"/> the collector calls, configured from the
    /// <c>Enrichment</c> section (validated at start-up), and the service that reloads changed GeoIP files.
    /// </summary>
    public static IServiceCollection AddFlowEnrichment(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<EnrichmentOptions>().Bind(configuration.GetSection(EnrichmentOptions.SectionName)).ValidateOnStart();
        services.AddSingleton<IValidateOptions<EnrichmentOptions>, EnrichmentOptionsValidator>();
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton(sp => new GeoIPDatabases(
            sp.GetRequiredService<IOptions<EnrichmentOptions>>().Value.GeoIP, sp.GetRequiredService<ILogger<GeoIPDatabases>>()));
        // Configuration first; a host that stores the networks and rules (the Settings page) swaps its versions in.
        services.AddSingleton(sp => new LiveEnrichmentRules(EnrichmentConfiguration.Build(sp.GetRequiredService<IOptions<EnrichmentOptions>>().Value)));
        services.AddSingleton<IFlowEnricher>(sp => new FlowEnricher(sp.GetRequiredService<LiveEnrichmentRules>(), sp.GetRequiredService<GeoIPDatabases>()));
        services.AddHostedService<GeoIPReloadService>();
        return services;
    }
}
