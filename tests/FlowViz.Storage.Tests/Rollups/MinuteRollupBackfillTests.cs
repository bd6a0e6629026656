using FlowViz.Core.Flows;
using FlowViz.Storage.Flows;
using FlowViz.Storage.Migrations;
using FlowViz.Storage.Rollups;
using FlowViz.Storage.Tests.Infrastructure;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Npgsql;

namespace FlowViz.Storage.Tests.Rollups;

/// <summary>
/// An upgrade from a database at 0010 whose raw flows go back further than 0011's 7-day catch-up: with a longer
/// configured RollupMinuteRetention, the start-up backfill completes the minute cubes for the whole retention.
/// </summary>
public sealed class MinuteRollupBackfillTests(PostgresServerFixture server)
{
    private static readonly TimeSpan Retention = TimeSpan.FromDays(14);

    private static CancellationToken Cancellation => TestContext.Current.CancellationToken;

    [Fact]
    public async Task RunAsync_UpgradeFrom0010WithFlowsOlderThan7Days_MinuteCubesEqualTheRawSumsForTheRetention()
    {
        // 0011's catch-up runs on the server's clock: "now" here is the wall clock, and the flows keep hours away from
        // both the 7-day and the 14-day edges, so where exactly they fall cannot change what is expected.
        var now = DateTimeOffset.UtcNow;
        await using var dataSource = NpgsqlDataSource.Create(await server.CreateDatabaseAsync("backfill_upgrade"));
        await MigrateAsync(dataSource, upTo: "0010");
        var flows = FlowsAcross(now);
        await InsertRawAsync(dataSource, flows, now);

        await MigrateAsync(dataSource, upTo: "9999");
        var inserted = await Backfill(dataSource, now).RunAsync(Cancellation);
        var again = await Backfill(dataSource, now).RunAsync(Cancellation);

        var since = RollupResolution.Hour.Floor(now - Retention);
        Assert.True(inserted > 0);
        Assert.Equal(0, again);
        Assert.Contains(flows, f => f.TimeReceived < since.UtcDateTime); // some flows are older than the retention
        Assert.Contains(flows, f => f.TimeReceived >= since.UtcDateTime && f.TimeReceived < now.AddDays(-8).UtcDateTime);
        foreach (var cube in RollupCubes.All)
        {
            Assert.Equal(
                ExpectedRollups.Expected(cube, RollupResolution.Minute, flows, since, now.AddDays(1)),
                await ExpectedRollups.ActualAsync(dataSource, cube, RollupResolution.Minute, Cancellation));
        }
    }

    [Fact]
    public async Task RunAsync_BuilderCoverageStartedAt7Days_FillsTheOlderMinutesAndLowersTheMinuteCoverage()
    {
        // A database upgraded by an earlier 0011 (7 days only) whose builder has run since: the minute rows and the
        // 1-minute coverage start at the hour of 0011's catch-up.
        var now = new DateTimeOffset(2026, 3, 20, 12, 0, 30, TimeSpan.Zero);
        var coveredFrom = RollupResolution.Hour.Floor(now.AddDays(-7));
        await using var dataSource = NpgsqlDataSource.Create(await server.CreateDatabaseAsync("backfill_watermark"));
        await MigrateAsync(dataSource, upTo: "9999");
        var flows = FlowsAcross(now);
        await InsertRawAsync(dataSource, flows.Where(f => f.TimeReceived < coveredFrom.UtcDateTime), now);
        await CreateWriter(dataSource, now).WriteAsync(flows.Where(f => f.TimeReceived >= coveredFrom.UtcDateTime).ToArray(), Cancellation);
        await using (var state = dataSource.CreateCommand("INSERT INTO rollup_state (resolution, covered_from, covered_to) VALUES ('1m', $1, $2)"))
        {
            state.Parameters.Add(new() { Value = coveredFrom.UtcDateTime });
            state.Parameters.Add(new() { Value = RollupResolution.Minute.Floor(now).UtcDateTime });
            await state.ExecuteNonQueryAsync(Cancellation);
        }

        var inserted = await Backfill(dataSource, now).RunAsync(Cancellation);

        var since = RollupResolution.Hour.Floor(now - Retention);
        Assert.True(inserted > 0);
        foreach (var cube in RollupCubes.All)
        {
            Assert.Equal(
                ExpectedRollups.Expected(cube, RollupResolution.Minute, flows, since, now.AddDays(1)),
                await ExpectedRollups.ActualAsync(dataSource, cube, RollupResolution.Minute, Cancellation));
        }
        await using var coverage = dataSource.CreateCommand("SELECT covered_from FROM rollup_state WHERE resolution = '1m'");
        Assert.Equal(since.UtcDateTime, (DateTime)(await coverage.ExecuteScalarAsync(Cancellation))!);
    }

    /// <summary>RollupFlows' realistic records moved to 0.5–13 days and 15.5–20 days before <paramref name="now"/>.</summary>
    private static FlowRecord[] FlowsAcross(DateTimeOffset now)
    {
        var flows = RollupFlows.Generate(600, seed: 7013);
        var random = new Random(7013);
        for (var i = 0; i < flows.Length; i++)
        {
            ref var flow = ref flows[i];
            var daysAgo = random.Next(4) == 0 ? 15.5 + random.NextDouble() * 4.5 : 0.5 + random.NextDouble() * 12.5;
            flow.TimeReceived = now.UtcDateTime.AddDays(-daysAgo);
            flow.TimeStart = flow.TimeReceived.AddSeconds(-3);
            flow.TimeEnd = flow.TimeReceived;
        }
        return flows;
    }

    private static async Task InsertRawAsync(NpgsqlDataSource dataSource, IEnumerable<FlowRecord> flows, DateTimeOffset now)
    {
        await Maintainer(dataSource, now).EnsurePartitionsAsync(now.AddDays(-21), now, Cancellation);
        await FlowInserts.InsertAsync(dataSource, flows, Cancellation, minuteRollups: false);
    }

    private static async Task MigrateAsync(NpgsqlDataSource dataSource, string upTo) =>
        await new MigrationRunner(dataSource, [.. EmbeddedMigrations.Load().Where(m => string.CompareOrdinal(m.Version, upTo) <= 0)],
            NullLogger<MigrationRunner>.Instance).ApplyAsync(Cancellation);

    private static MinuteRollupBackfill Backfill(NpgsqlDataSource dataSource, DateTimeOffset now) => new(
        dataSource, Options.Create(new FlowVizStorageOptions { RollupMinuteRetention = Retention }), new FixedTimeProvider(now),
        NullLogger<MinuteRollupBackfill>.Instance);

    private static FlowPartitionMaintainer Maintainer(NpgsqlDataSource dataSource, DateTimeOffset now) => new(
        dataSource, Options.Create(new FlowVizStorageOptions { RawRetention = TimeSpan.FromDays(30) }), new FixedTimeProvider(now),
        NullLogger<FlowPartitionMaintainer>.Instance);

    private static FlowCopyWriter CreateWriter(NpgsqlDataSource dataSource, DateTimeOffset now) =>
        new(dataSource, Maintainer(dataSource, now), NullLogger<FlowCopyWriter>.Instance);
}
