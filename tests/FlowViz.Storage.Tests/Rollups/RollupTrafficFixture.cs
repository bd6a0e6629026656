using FlowViz.Core.Flows;
using FlowViz.Storage.Queries;
using FlowViz.Storage.Rollups;
using FlowViz.Storage.Tests.Infrastructure;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Npgsql;
using static FlowViz.Storage.Tests.Rollups.RollupFlows;

namespace FlowViz.Storage.Tests.Rollups;

/// <summary>
/// A database holding <see cref="Count"/> flows of <see cref="RollupFlows"/> (written with the product's COPY
/// writer), their interface classes, and the rollups one builder pass made at <see cref="RollupFlows.Now"/>.
/// </summary>
public sealed class RollupTrafficFixture(PostgresServerFixture server) : IAsyncLifetime
{
    public const int Count = 1_500;

    private readonly MigratedDatabaseFixture _database = new(server);

    public IReadOnlyList<FlowRecord> Flows { get; } = Generate(Count, seed: 5_2026);

    public NpgsqlDataSource DataSource => _database.DataSource;

    /// <summary>The query service as the product runs it: rollups where they answer.</summary>
    public TrafficQueries Queries => new(DataSource);

    /// <summary>The same service reading only raw flows: the reference answers.</summary>
    public TrafficQueries RawQueries => new(DataSource, useRollups: false);

    public MigratedDatabaseFixture Database => _database;

    public async ValueTask InitializeAsync()
    {
        var cancellation = TestContext.Current.CancellationToken;
        await _database.InitializeAsync();
        await _database.CreateMaintainer().EnsurePartitionsAsync(T0.AddDays(-1), T0.AddDays(1), cancellation);
        await _database.CreateWriter().WriteAsync(Flows.ToArray(), cancellation);
        await InsertClassesAsync(DataSource, cancellation);
        await Builder(DataSource, Now).RunOnceAsync(cancellation);
    }

    public ValueTask DisposeAsync() => _database.DisposeAsync();

    public static RollupBuilder Builder(NpgsqlDataSource dataSource, DateTimeOffset now, FlowVizStorageOptions? options = null) => new(
        dataSource, Options.Create(options ?? new FlowVizStorageOptions()), new FixedTimeProvider(now), new RollupProgress(),
        NullLogger<RollupBuilder>.Instance);
}
