using FlowViz.Core.Flows;
using FlowViz.Storage.Rollups;
using FlowViz.Storage.Tests.Infrastructure;
using Npgsql;
using static FlowViz.Storage.Tests.Rollups.RollupFlows;

namespace FlowViz.Storage.Tests.Rollups;

/// <summary>
/// The 1-minute cubes as the flow writer fills them (db-migrations/0011): in the batch's transaction, equal to the sums
/// of the raw rows whatever the writers' concurrency, batch boundaries or retries, and the builder carries them on.
/// </summary>
public sealed class MinuteRollupWriteTests(PostgresServerFixture server)
{
    private static CancellationToken Cancellation => TestContext.Current.CancellationToken;

    [Fact]
    public async Task WriteAsync_ConcurrentWritersOnTheSameMinutes_MinuteCubesEqualTheSumsWithoutDeadlock()
    {
        await using var database = await DatabaseAsync();
        // 8 writers × 10 batches, every batch over the same two minutes and the same small key sets: every batch adds
        // to rows that the other writers' open transactions are adding to as well.
        var flows = Generate(8 * 10 * 150, seed: 41);
        for (var i = 0; i < flows.Length; i++)
        {
            flows[i].TimeReceived = T0.UtcDateTime.AddMinutes(10).AddMilliseconds(i % 120_000);
        }
        var writer = database.CreateWriter();

        await Task.WhenAll(flows.Chunk(150).Chunk(10).Select(batches => Task.Run(async () =>
        {
            foreach (var batch in batches)
            {
                await writer.WriteAsync(batch, Cancellation);
            }
        }, Cancellation)));

        await AssertMinuteCubesAsync(database.DataSource, flows, rowsAtLeast: 50);
    }

    [Fact]
    public async Task WriteAsync_BatchSpanningTwoMinutes_AddsToBothMinutes()
    {
        await using var database = await DatabaseAsync();
        var flows = Generate(200, seed: 42);
        var boundary = T0.UtcDateTime.AddMinutes(20);
        for (var i = 0; i < flows.Length; i++)
        {
            // Half just before the minute boundary, half from exactly on it.
            flows[i].TimeReceived = i < 100 ? boundary.AddMilliseconds(-1 - i) : boundary.AddMilliseconds((i - 100) * 10);
        }

        await database.CreateWriter().WriteAsync(flows, Cancellation);

        await AssertMinuteCubesAsync(database.DataSource, flows, rowsAtLeast: 20);
        Assert.Equal(
            [(T0.AddMinutes(19), 100L), (T0.AddMinutes(20), 100L)],
            await MinuteFlowCountsAsync(database.DataSource));
    }

    [Fact]
    public async Task WriteAsync_BatchRetriedAfterItsCopyFailed_IsCountedOnce()
    {
        await using var database = await DatabaseAsync();
        var flows = Generate(300, seed: 43);
        // One flow on a day without a partition: the first COPY fails and rolls back, the writer creates the day
        // and writes the whole batch again (as a spool replay writes a batch again after a failure).
        flows[0].TimeReceived = T0.UtcDateTime.AddDays(5).AddSeconds(7);

        await database.CreateWriter().WriteAsync(flows, Cancellation);

        await AssertMinuteCubesAsync(database.DataSource, flows, rowsAtLeast: 100);
    }

    [Fact]
    public async Task RunOnceAsync_BatchReplayedIntoRolledUpMinutes_CoarserBucketsFollowOnce()
    {
        await using var database = await DatabaseAsync();
        var first = Generate(300, seed: 44);
        await database.CreateWriter().WriteAsync(first, Cancellation);
        await RollupTrafficFixture.Builder(database.DataSource, Now).RunOnceAsync(Cancellation);
        // A spooled batch replayed after its minutes were rolled up: late flows in three minutes of the last hour.
        var replayed = Generate(30, seed: 45);
        for (var i = 0; i < replayed.Length; i++)
        {
            replayed[i].TimeReceived = T0.UtcDateTime.AddMinutes(170 + i % 3).AddSeconds(i);
        }
        await database.CreateWriter().WriteAsync(replayed, Cancellation);

        var recomputed = await RollupTrafficFixture.Builder(database.DataSource, Now.AddSeconds(20)).RunOnceAsync(Cancellation);
        var again = await RollupTrafficFixture.Builder(database.DataSource, Now.AddSeconds(40)).RunOnceAsync(Cancellation);

        Assert.Equal(3, recomputed);
        Assert.Equal(0, again);
        var all = first.Concat(replayed).ToList();
        foreach (var cube in RollupCubes.All)
        {
            foreach (var resolution in RollupResolution.All)
            {
                Assert.Equal(
                    ExpectedRollups.Expected(cube, resolution, all, T0, resolution.Floor(T0.AddHours(3))),
                    await ExpectedRollups.ActualAsync(database.DataSource, cube, resolution, Cancellation));
            }
        }
    }

    private async Task<MigratedDatabaseFixture> DatabaseAsync()
    {
        var database = new MigratedDatabaseFixture(server);
        await database.InitializeAsync();
        await database.CreateMaintainer().EnsurePartitionsAsync(T0.AddDays(-1), T0.AddDays(1), Cancellation);
        return database;
    }

    private static async Task AssertMinuteCubesAsync(NpgsqlDataSource dataSource, IReadOnlyList<FlowRecord> flows, int rowsAtLeast)
    {
        var from = DateTimeOffset.UnixEpoch;
        var to = DateTimeOffset.MaxValue;
        foreach (var cube in RollupCubes.All)
        {
            var expected = ExpectedRollups.Expected(cube, RollupResolution.Minute, flows, from, to);
            Assert.True(expected.Count >= (cube == RollupCubes.Protocol ? rowsAtLeast : 2), $"{cube.Name}: {expected.Count} expected rows");
            Assert.Equal(expected, await ExpectedRollups.ActualAsync(dataSource, cube, RollupResolution.Minute, Cancellation));
        }
    }

    private static async Task<List<(DateTimeOffset, long)>> MinuteFlowCountsAsync(NpgsqlDataSource dataSource)
    {
        await using var command = dataSource.CreateCommand(
            "SELECT date_bin('1 minute', time_received, TIMESTAMPTZ '1970-01-01 00:00:00+00'), count(*) FROM flows GROUP BY 1 ORDER BY 1");
        await using var reader = await command.ExecuteReaderAsync(Cancellation);
        var counts = new List<(DateTimeOffset, long)>();
        while (await reader.ReadAsync(Cancellation))
        {
            counts.Add((reader.GetFieldValue<DateTimeOffset>(0), reader.GetInt64(1)));
        }
        return counts;
    }
}
