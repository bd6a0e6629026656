using FlowViz.Storage.Tests.Infrastructure;

namespace FlowViz.Storage.Tests;

public sealed class FlowPartitionMaintainerTests(MigratedDatabaseFixture database) : IClassFixture<MigratedDatabaseFixture>
{
    private static CancellationToken Cancellation => TestContext.Current.CancellationToken;

    [Fact]
    public async Task EnsureCurrentPartitionsAsync_CalledTwice_CreatesYesterdayToDaysAheadOnce()
    {
        var maintainer = database.CreateMaintainer(new FixedTimeProvider(new DateTimeOffset(2030, 12, 31, 23, 0, 0, TimeSpan.Zero)), daysAhead: 2);

        var first = await maintainer.EnsureCurrentPartitionsAsync(Cancellation);
        var second = await maintainer.EnsureCurrentPartitionsAsync(Cancellation);

        Assert.Equal(4, first);
        Assert.Equal(0, second);
        Assert.Equal(["flows_p20301230", "flows_p20301231", "flows_p20310101", "flows_p20310102"], await PartitionsFromAsync("flows_p203"));
    }

    [Fact]
    public async Task EnsurePartitionsAsync_ManyWritersAtOnce_CreateEachDayOnce()
    {
        var day = new DateTimeOffset(2040, 6, 1, 0, 0, 0, TimeSpan.Zero);
        var maintainers = Enumerable.Range(0, 4).Select(_ => database.CreateMaintainer());

        var created = await Task.WhenAll(maintainers.Select(m => m.EnsurePartitionsAsync(day, day.AddDays(1), Cancellation)));

        Assert.Equal(2, created.Sum());
        Assert.Equal(["flows_p20400601", "flows_p20400602"], await PartitionsFromAsync("flows_p2040"));
    }

    private async Task<List<string>> PartitionsFromAsync(string prefix)
    {
        await using var command = database.DataSource.CreateCommand("""
            SELECT c.relname FROM pg_inherits i JOIN pg_class c ON c.oid = i.inhrelid
            WHERE i.inhparent = 'flows'::regclass AND starts_with(c.relname, $1) ORDER BY 1
            """);
        command.Parameters.Add(new() { Value = prefix });
        await using var reader = await command.ExecuteReaderAsync(Cancellation);
        var names = new List<string>();
        while (await reader.ReadAsync(Cancellation))
        {
            names.Add(reader.GetString(0));
        }
        return names;
    }
}
