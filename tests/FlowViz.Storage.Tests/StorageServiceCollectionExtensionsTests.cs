using FlowViz.Core.Flows;
using FlowViz.Core.Queries;
using FlowViz.Storage.Flows;
using FlowViz.Storage.Migrations;
using FlowViz.Storage.Policies;
using FlowViz.Storage.Queries;
using FlowViz.Storage.Rollups;
using FlowViz.Storage.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace FlowViz.Storage.Tests;

public sealed class StorageServiceCollectionExtensionsTests(PostgresServerFixture server)
{
    private static CancellationToken Cancellation => TestContext.Current.CancellationToken;

    [Fact]
    public async Task AddFlowVizStorage_HostStartUp_MigratesWritesAndQueries()
    {
        var services = new ServiceCollection()
            .AddSingleton(typeof(ILogger<>), typeof(NullLogger<>)) // the host brings real logging
            .AddFlowVizStorage(await server.CreateDatabaseAsync("wired"), options => options.PartitionDaysAhead = 1);
        await using var provider = services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true, ValidateScopes = true });

        await provider.GetRequiredService<MigrationRunner>().ApplyAsync(Cancellation);
        await provider.GetRequiredService<StoragePolicies>().ApplyAsync(Cancellation);
        var hostedServices = provider.GetServices<IHostedService>().ToList();
        var hosted = hostedServices[0];
        await hosted.StartAsync(Cancellation);
        var now = DateTime.UtcNow;
        await provider.GetRequiredService<IFlowBatchWriter>().WriteAsync(
            new[] { new FlowRecord { TimeReceived = now, TimeStart = now, TimeEnd = now, Bytes = 10, Packets = 1, SamplingRate = 1 } }, Cancellation);
        var totals = await provider.GetRequiredService<ITrafficQueries>().SummaryAsync(TimeRange.Last(TimeSpan.FromHours(1), now.AddSeconds(1)), Cancellation);
        await hosted.StopAsync(Cancellation);

        Assert.IsType<FlowPartitionMaintainer>(hosted);
        Assert.Equal([typeof(FlowPartitionMaintainer), typeof(RollupService)], hostedServices.Select(service => service.GetType()));
        Assert.IsType<FlowCopyWriter>(provider.GetRequiredService<IFlowBatchWriter>());
        Assert.IsType<TrafficQueries>(provider.GetRequiredService<ITrafficQueries>());
        Assert.Equal(new TrafficTotals(1, 1, 10), totals);
    }
}
