using FlowViz.Storage.Rollups;
using FlowViz.Storage.Tests.Infrastructure;

namespace FlowViz.Storage.Tests.Rollups;

/// <summary>db-migrations/0013: the minute tables, updated by every batch, leave room for HOT updates.</summary>
public sealed class MinuteTableFillfactorTests(MigratedDatabaseFixture database) : IClassFixture<MigratedDatabaseFixture>
{
    [Fact]
    public async Task Migrations_MinuteTables_HaveFillfactor70AndCoarserTablesTheDefault()
    {
        await using var command = database.DataSource.CreateCommand(
            "SELECT relname, coalesce(array_to_string(reloptions, ','), '') FROM pg_class WHERE relname ~ '^rollup_[a-z]+_(1m|5m)$' ORDER BY 1");
        var options = new Dictionary<string, string>();
        await using var reader = await command.ExecuteReaderAsync(TestContext.Current.CancellationToken);
        while (await reader.ReadAsync(TestContext.Current.CancellationToken))
        {
            options[reader.GetString(0)] = reader.GetString(1);
        }

        foreach (var cube in RollupCubes.All)
        {
            Assert.Equal("fillfactor=70", options[cube.TableName(RollupResolution.Minute)]);
            Assert.Equal("", options[cube.TableName(RollupResolution.All[1])]);
        }
    }
}
