using FlowViz.Core.Counters;
using FlowViz.Core.Flows;
using FlowViz.Core.Queries;
using FlowViz.Storage.Flows;
using FlowViz.Storage.Migrations;
using FlowViz.Storage.Policies;
using FlowViz.Storage.Queries;
using FlowViz.Storage.Rollups;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Npgsql;

namespace FlowViz.Storage;

/// <summary>
/// Registers the storage layer. The host then runs <see cref="MigrationRunner.ApplyAsync"/> and, after it,
/// <see cref="StoragePolicies.ApplyAsync"/> before serving.
/// </summary>
public static class StorageServiceCollectionExtensions
{
    public static IServiceCollection AddFlowVizStorage(
        this IServiceCollection services, string connectionString, Action<FlowVizStorageOptions>? configure = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(connectionString);
        services.AddOptions<FlowVizStorageOptions>();
        if (configure is not null)
        {
            services.Configure(configure);
        }
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton(_ => NpgsqlDataSource.Create(connectionString));
        services.AddSingleton<MigrationRunner>();
        services.AddSingleton<StoragePolicies>();
        services.AddSingleton<FlowPartitionMaintainer>();
        services.AddHostedService(provider => provider.GetRequiredService<FlowPartitionMaintainer>());
        services.AddSingleton<FlowCopyWriter>();
        services.AddSingleton<IFlowBatchWriter>(provider => provider.GetRequiredService<FlowCopyWriter>());
        services.AddSingleton<IInterfaceCounterWriter, Counters.InterfaceCounterWriter>();
        services.AddSingleton<Counters.InterfaceCounterQueries>();
        services.AddSingleton<IInterfaceCounterQueries>(provider => provider.GetRequiredService<Counters.InterfaceCounterQueries>());
        services.AddSingleton<RollupProgress>();
        services.AddSingleton<RollupBuilder>();
        services.AddSingleton<RollupRetention>();
        services.AddSingleton<MinuteRollupBackfill>();
        services.AddHostedService<RollupService>();
        services.AddSingleton(provider => new TrafficQueries(provider.GetRequiredService<NpgsqlDataSource>()));
        services.AddSingleton<InterfaceClassLookup>();
        services.AddSingleton<ITrafficQueries>(provider => provider.GetRequiredService<TrafficQueries>());
        return services;
    }
}
