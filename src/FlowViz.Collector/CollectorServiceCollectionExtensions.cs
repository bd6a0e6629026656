using FlowViz.Collector.Statistics;
using FlowViz.Protocols;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace FlowViz.Collector;

public static class CollectorServiceCollectionExtensions
{
    /// <summary>
    /// Adds the UDP collector. The host must also register an <see cref="Core.Flows.IFlowBatchWriter"/>
    /// (storage) and bind <see cref="CollectorOptions"/>. An <see cref="Core.Flows.IFlowEnricher"/> registered by the host
    /// (enrichment) is called on every record before it is batched; without one, records are stored as decoded.
    /// </summary>
    public static IServiceCollection AddFlowVizCollector(this IServiceCollection services)
    {
        services.AddOptions<CollectorOptions>().ValidateDataAnnotations().ValidateOnStart();
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton<CollectorStatistics>();
        services.AddSingleton<CollectorEndpoints>();
        services.AddSingleton(sp => new FlowDatagramDecoder(sp.GetRequiredService<TimeProvider>()));
        services.AddHostedService<CollectorService>();
        return services;
    }
}
