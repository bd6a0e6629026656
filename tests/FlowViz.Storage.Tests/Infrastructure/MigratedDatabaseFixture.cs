using FlowViz.Storage.Flows;
using FlowViz.Storage.Migrations;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Npgsql;

namespace FlowViz.Storage.Tests.Infrastructure;

/// <summary>A database of its own per test class, with the real migrations applied.</summary>
public sealed class MigratedDatabaseFixture(PostgresServerFixture server) : IAsyncLifetime
{
    private NpgsqlDataSource? _dataSource;

    public NpgsqlDataSource DataSource => _dataSource ?? throw new InvalidOperationException("Not initialised.");

    public async ValueTask InitializeAsync()
    {
        _dataSource = NpgsqlDataSource.Create(await server.CreateDatabaseAsync("migrated"));
        await new MigrationRunner(_dataSource, NullLogger<MigrationRunner>.Instance).ApplyAsync(TestContext.Current.CancellationToken);
    }

    public FlowPartitionMaintainer CreateMaintainer(TimeProvider? time = null, int daysAhead = 3, TimeSpan? rawRetention = null) => new(
        DataSource,
        Options.Create(new FlowVizStorageOptions { PartitionDaysAhead = daysAhead, RawRetention = rawRetention ?? TimeSpan.FromDays(15) }),
        time ?? TimeProvider.System,
        NullLogger<FlowPartitionMaintainer>.Instance);

    public FlowCopyWriter CreateWriter() => new(DataSource, CreateMaintainer(), NullLogger<FlowCopyWriter>.Instance);

    public async ValueTask DisposeAsync()
    {
        if (_dataSource is not null)
        {
            await _dataSource.DisposeAsync();
        }
    }
}
