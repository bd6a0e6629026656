using FlowViz.Core.Interfaces;
using FlowViz.Core.Queries;
using FlowViz.Storage.Queries;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace FlowViz.Storage.Interfaces;

/// <summary>Registers interfaces, their classification and the raw flow list (after <c>AddFlowVizStorage</c>).</summary>
public static class InterfacesServiceCollectionExtensions
{
    /// <summary>
    /// Adds <see cref="IInterfaceCatalog"/>, <see cref="IFlowRecordQueries"/> and the service that keeps interfaces and
    /// their classes current. The host binds <see cref="InterfacesOptions"/> and may register
    /// <see cref="IObservedInterfaceSource"/>s (the collector's learned names).
    /// </summary>
    public static IServiceCollection AddFlowVizInterfaces(this IServiceCollection services)
    {
        services.AddOptions<InterfacesOptions>().ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<InterfacesOptions>, InterfacesOptionsValidator>());
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton<InterfaceClassesRebuilder>();
        services.AddSingleton<InterfaceSources>();
        services.AddSingleton<InterfaceCatalog>();
        services.AddSingleton<IInterfaceCatalog>(provider => provider.GetRequiredService<InterfaceCatalog>());
        services.AddHostedService<InterfaceSyncService>();
        services.AddSingleton<FlowRecordQueries>();
        services.AddSingleton<IFlowRecordQueries>(provider => provider.GetRequiredService<FlowRecordQueries>());
        return services;
    }
}
