using FlowViz.Core.Flows;
using FlowViz.Storage.Migrations;
using FlowViz.Storage.Tests.Infrastructure;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;

namespace FlowViz.Storage.Tests;

public sealed class MigrationRunnerTests(PostgresServerFixture server)
{
    private static CancellationToken Cancellation => TestContext.Current.CancellationToken;

    [Fact]
    public void Load_EmbeddedResources_ListsMigrationsInVersionOrder()
    {
        var migrations = EmbeddedMigrations.Load();

        Assert.Equal(new Migration("0001", "flows", migrations[0].Sql), migrations[0]);
        Assert.Equal(migrations.OrderBy(m => m.Version, StringComparer.Ordinal), migrations);
    }

    [Fact]
    public async Task ApplyAsync_RunTwice_SecondRunAppliesNothing()
    {
        await using var dataSource = NpgsqlDataSource.Create(await server.CreateDatabaseAsync("migrate_twice"));

        var first = await Runner(dataSource).ApplyAsync(Cancellation);
        var second = await Runner(dataSource).ApplyAsync(Cancellation);

        Assert.Equal(EmbeddedMigrations.Load().Select(m => m.Version), first);
        Assert.Empty(second);
        Assert.Equal((long)first.Count, await ScalarAsync<long>(dataSource, "SELECT count(*) FROM schema_migrations"));
    }

    [Fact]
    public async Task ApplyAsync_TwoRunnersAtOnce_EachMigrationAppliedOnce()
    {
        await using var dataSource = NpgsqlDataSource.Create(await server.CreateDatabaseAsync("migrate_race"));

        var results = await Task.WhenAll(Runner(dataSource).ApplyAsync(Cancellation), Runner(dataSource).ApplyAsync(Cancellation));

        Assert.Equal(EmbeddedMigrations.Load().Select(m => m.Version), results.SelectMany(applied => applied).Order());
        Assert.Contains(results, applied => applied.Count == 0);
    }

    [Fact]
    public async Task ApplyAsync_FailingMigration_RollsBackAndRecordsNothing()
    {
        await using var dataSource = NpgsqlDataSource.Create(await server.CreateDatabaseAsync("migrate_fail"));
        Migration[] migrations = [new("0001", "half", "CREATE TABLE half_done (id int); SELECT 1/0;")];

        await Assert.ThrowsAsync<InvalidOperationException>(
            () => new MigrationRunner(dataSource, migrations, NullLogger<MigrationRunner>.Instance).ApplyAsync(Cancellation));

        Assert.Null(await ScalarAsync<string?>(dataSource, "SELECT to_regclass('half_done')::text"));
        Assert.Equal(0L, await ScalarAsync<long>(dataSource, "SELECT count(*) FROM schema_migrations"));
    }

    [Fact]
    public async Task ApplyAsync_PlainPostgres_FlowsTableMatchesFlowColumns()
    {
        await using var dataSource = NpgsqlDataSource.Create(await server.CreateDatabaseAsync("migrate_columns"));
        await Runner(dataSource).ApplyAsync(Cancellation);

        var actual = await ReadColumnsAsync(dataSource);

        var expected = new List<(string, string, bool)>();
        foreach (var column in FlowColumns.All)
        {
            var type = await ScalarAsync<string>(dataSource, "SELECT format_type(to_regtype($1), NULL)", column.SqlType);
            expected.Add((column.Name, type, column.Field is FlowField.Exporter or FlowField.SrcAddr or FlowField.DstAddr or FlowField.NextHop
                or FlowField.SrcCountry or FlowField.DstCountry or FlowField.Application));
        }
        Assert.Equal(expected, actual);
        Assert.Equal("native_daily_partitions", await ScalarAsync<string>(dataSource, "SELECT value FROM flowviz_settings WHERE key = 'flows_layout'"));
    }

    private static MigrationRunner Runner(NpgsqlDataSource dataSource) => new(dataSource, NullLogger<MigrationRunner>.Instance);

    private static async Task<List<(string Name, string Type, bool Nullable)>> ReadColumnsAsync(NpgsqlDataSource dataSource)
    {
        await using var command = dataSource.CreateCommand("""
            SELECT attname, format_type(atttypid, atttypmod), NOT attnotnull
            FROM pg_attribute WHERE attrelid = 'flows'::regclass AND attnum > 0 AND NOT attisdropped
            ORDER BY attnum
            """);
        await using var reader = await command.ExecuteReaderAsync(Cancellation);
        var columns = new List<(string, string, bool)>();
        while (await reader.ReadAsync(Cancellation))
        {
            columns.Add((reader.GetString(0), reader.GetString(1), reader.GetBoolean(2)));
        }
        return columns;
    }

    private static async Task<T> ScalarAsync<T>(NpgsqlDataSource dataSource, string sql, params object[] parameters)
    {
        await using var command = dataSource.CreateCommand(sql);
        foreach (var parameter in parameters)
        {
            command.Parameters.Add(new() { Value = parameter });
        }
        var value = await command.ExecuteScalarAsync(Cancellation);
        return value is DBNull ? default! : (T)value!;
    }
}
