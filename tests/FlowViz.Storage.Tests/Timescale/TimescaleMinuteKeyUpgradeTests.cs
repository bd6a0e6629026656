using FlowViz.Core.Flows;
using FlowViz.Storage.Migrations;
using FlowViz.Storage.Rollups;
using FlowViz.Storage.Tests.Infrastructure;
using FlowViz.Storage.Tests.Rollups;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace FlowViz.Storage.Tests.Timescale;

/// <summary>
/// Upgrading a TimescaleDB database from 0010 whose minute rollup chunks are already compressed (their compression
/// policy runs after 3 days): 0011 creates the unique minute keys over them, the rows stay, the writer's upserts and the
/// start-up backfill work on top of them.
/// </summary>
[Collection(TimescaleCollection.Name)]
public sealed class TimescaleMinuteKeyUpgradeTests(TimescaleAt0010Fixture old) : IClassFixture<TimescaleAt0010Fixture>
{
    private static readonly DateTimeOffset Hour = new(2025, 6, 1, 10, 0, 0, TimeSpan.Zero);

    private static CancellationToken Cancellation => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Migrate_CompressedMinuteChunksAt0010_KeysCreatedRowsKeptAndUpsertsAndBackfillAddUp()
    {
        var builtBefore = FlowsIn(Hour, 40, seed: 1);
        await FlowInserts.InsertAsync(old.DataSource, builtBefore, Cancellation, minuteRollups: false);
        // As the builder before 0011 left them: the hour's minute rows computed from the flows, its watermark after them.
        foreach (var cube in RollupCubes.All)
        {
            await ExecuteAsync(MinuteRollupBackfill.MinuteRowsFromFlows(cube), Hour.UtcDateTime, Hour.AddHours(1).UtcDateTime);
        }
        await ExecuteAsync("INSERT INTO rollup_state (resolution, covered_from, covered_to) VALUES ('1m', $1, $2)",
            Hour.UtcDateTime, Hour.AddHours(1).UtcDateTime);
        foreach (var cube in RollupCubes.All)
        {
            Assert.True(await CompressAsync(cube.TableName(RollupResolution.Minute)) > 0, $"{cube.Name}: no chunk compressed");
        }

        await new MigrationRunner(old.DataSource, NullLogger<MigrationRunner>.Instance).ApplyAsync(Cancellation);

        await AssertMinuteRowsAsync(builtBefore);
        await using (var fillfactor = old.DataSource.CreateCommand( // 0013, on the hypertables
            "SELECT count(*) FROM pg_class WHERE relname ~ '^rollup_[a-z]+_1m$' AND reloptions @> ARRAY['fillfactor=70']"))
        {
            Assert.Equal((long)RollupCubes.All.Count, await fillfactor.ExecuteScalarAsync(Cancellation));
        }
        var written = FlowsIn(Hour, 24, seed: 2);
        await FlowInserts.InsertAsync(old.DataSource, written, Cancellation); // with the writer's upserts, into the compressed chunks
        var all = builtBefore.Concat(written).ToList();
        await AssertMinuteRowsAsync(all);
        var older = FlowsIn(Hour.AddHours(-3), 16, seed: 3);
        await FlowInserts.InsertAsync(old.DataSource, older, Cancellation, minuteRollups: false);
        var backfill = new MinuteRollupBackfill(old.DataSource,
            Options.Create(new FlowVizStorageOptions { RollupMinuteRetention = TimeSpan.FromDays(1) }),
            new FixedTimeProvider(Hour.AddHours(2)), NullLogger<MinuteRollupBackfill>.Instance);
        Assert.True(await backfill.RunAsync(Cancellation) > 0);
        await AssertMinuteRowsAsync(all.Concat(older).ToList());
        Assert.Equal(0, await backfill.RunAsync(Cancellation));
    }

    private async Task AssertMinuteRowsAsync(IReadOnlyList<FlowRecord> flows)
    {
        var within = new TimeInterval(Hour.AddDays(-1), Hour.AddDays(1));
        foreach (var cube in RollupCubes.All)
        {
            Assert.Equal(
                ExpectedRollups.Expected(cube, RollupResolution.Minute, flows, within.From, within.To),
                await ExpectedRollups.ActualAsync(old.DataSource, cube, RollupResolution.Minute, Cancellation, within));
        }
    }

    private static FlowRecord[] FlowsIn(DateTimeOffset hour, int count, int seed)
    {
        var flows = RollupFlows.Generate(count, seed);
        var random = new Random(seed);
        for (var i = 0; i < flows.Length; i++)
        {
            ref var flow = ref flows[i];
            flow.TimeReceived = hour.UtcDateTime.AddSeconds(random.Next(3_600_000) / 1000.0);
            flow.TimeStart = flow.TimeReceived.AddSeconds(-3);
            flow.TimeEnd = flow.TimeReceived;
        }
        return flows;
    }

    private async Task<long> CompressAsync(string table)
    {
        await using var command = old.DataSource.CreateCommand(
            $"SELECT count(compress_chunk(c, if_not_compressed => true)) FROM show_chunks('{table}') c");
        return (long)(await command.ExecuteScalarAsync(Cancellation))!;
    }

    private async Task ExecuteAsync(string sql, params object[] values)
    {
        await using var command = old.DataSource.CreateCommand(sql);
        foreach (var value in values)
        {
            command.Parameters.Add(new() { Value = value });
        }
        await command.ExecuteNonQueryAsync(Cancellation);
    }
}
