using FlowViz.Core.Flows;
using FlowViz.Core.Queries;
using FlowViz.Storage.Rollups;
using FlowViz.Storage.Tests.Infrastructure;
using FlowViz.Storage.Tests.Timescale;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Npgsql;
using static FlowViz.Storage.Tests.Rollups.RollupFlows;

namespace FlowViz.Storage.Tests.Rollups;

/// <summary>What happens to rollups after they were built: late flows, re-classified interfaces, retention, lag.</summary>
public sealed class RollupMaintenanceTests(PostgresServerFixture server)
{
    private static CancellationToken Cancellation => TestContext.Current.CancellationToken;

    [Fact]
    public async Task RunOnceAsync_LateFlowWithinLag_UpdatesItsBucketsOnceAtEveryResolution()
    {
        await using var database = await BuiltDatabaseAsync();
        var late = Generate(1, seed: 99)[0];
        late.TimeReceived = T0.UtcDateTime.AddMinutes(150).AddSeconds(15);
        await database.Fixture.CreateWriter().WriteAsync(new[] { late }, Cancellation);
        var flows = database.Flows.Append(late).ToList();

        var first = await RollupTrafficFixture.Builder(database.DataSource, Now.AddSeconds(30)).RunOnceAsync(Cancellation);
        var second = await RollupTrafficFixture.Builder(database.DataSource, Now.AddSeconds(45)).RunOnceAsync(Cancellation);

        Assert.Equal(1, first);
        Assert.Equal(0, second);
        foreach (var cube in RollupCubes.All)
        {
            foreach (var resolution in RollupResolution.All)
            {
                Assert.Equal(
                    ExpectedRollups.Expected(cube, resolution, flows, T0, resolution.Floor(T0.AddHours(3))),
                    await ExpectedRollups.ActualAsync(database.DataSource, cube, resolution, Cancellation));
            }
        }
    }

    [Fact]
    public async Task RunOnceAsync_LateFlowOlderThanTheLag_StaysOutOfTheRollups()
    {
        await using var database = await BuiltDatabaseAsync();
        var late = Generate(1, seed: 98)[0];
        late.TimeReceived = T0.UtcDateTime.AddMinutes(30);
        await database.Fixture.CreateWriter().WriteAsync(new[] { late }, Cancellation);

        var computed = await RollupTrafficFixture.Builder(database.DataSource, Now.AddSeconds(30)).RunOnceAsync(Cancellation);

        // Documented limit (FlowVizStorageOptions.RollupLateFlowLag): the raw table has it, the rollups do not.
        Assert.Equal(0, computed);
        Assert.Equal(
            ExpectedRollups.Expected(RollupCubes.Protocol, RollupResolution.Hour, database.Flows, T0, T0.AddHours(3)),
            await ExpectedRollups.ActualAsync(database.DataSource, RollupCubes.Protocol, RollupResolution.Hour, Cancellation));
    }

    [Fact]
    public async Task TopAsync_InterfaceReclassified_PastTrafficFollowsTheNewClass()
    {
        await using var database = await BuiltDatabaseAsync();
        var range = new TimeRange(T0, T0.AddHours(3));
        var query = new TopQuery(range, FlowDimension.Connectivity, TrafficMetric.Bytes, 100);
        var before = await new FlowViz.Storage.Queries.TrafficQueries(database.DataSource).TopAsync(query, Cancellation);
        await using (var update = database.DataSource.CreateCommand(
            "UPDATE interface_classes SET connectivity = 'ix', provider = 'amsix' WHERE if_exporter = '198.51.100.1' AND if_index = 1"))
        {
            Assert.Equal(1, await update.ExecuteNonQueryAsync(Cancellation));
        }

        var after = await new FlowViz.Storage.Queries.TrafficQueries(database.DataSource).TopAsync(query, Cancellation);

        var transitBefore = before.Rows.Single(r => r.Key == "transit").Bytes;
        var moved = database.Flows.Where(f => RollupQueryTests.ClassOf(f, c => c.Item3) == "transit"
            && f.Exporter.ToIPAddress().ToString() == "198.51.100.1").Sum(f => (long)f.ScaledBytes);
        Assert.True(moved > 0);
        Assert.Equal(transitBefore - moved, after.Rows.Single(r => r.Key == "transit").Bytes);
        Assert.Equal(before.Rows.Single(r => r.Key == "ix").Bytes + moved, after.Rows.Single(r => r.Key == "ix").Bytes);
        Assert.Equal(QueryResults.Text(await new FlowViz.Storage.Queries.TrafficQueries(database.DataSource, useRollups: false).TopAsync(query, Cancellation)), QueryResults.Text(after));
        Assert.Equal("rollup_iface_1h", Assert.Single(await new FlowViz.Storage.Queries.TrafficQueries(database.DataSource).PlanAsync(range, FlowDimension.Connectivity, null, null, Cancellation)).Source.Table);
    }

    [Fact]
    public async Task ApplyAsync_MinuteRetentionPassed_DropsMinutesAndQueriesUseCoarserRollups()
    {
        await using var database = await BuiltDatabaseAsync();
        var retention = new RollupRetention(database.DataSource, Options.Create(new FlowVizStorageOptions()),
            new FixedTimeProvider(T0.AddDays(8)), NullLogger<RollupRetention>.Instance);

        await retention.ApplyAsync(Cancellation);

        Assert.Empty(await ExpectedRollups.ActualAsync(database.DataSource, RollupCubes.As, RollupResolution.Minute, Cancellation));
        await using var connection = await database.DataSource.OpenConnectionAsync(Cancellation);
        var coverage = await RollupCoverage.ReadAsync(connection, Cancellation);
        Assert.Equal(new TimeInterval(T0.AddDays(1), T0.AddDays(1)), coverage.Of(RollupResolution.Minute));
        Assert.Equal(new TimeInterval(T0, T0.AddHours(3)), coverage.Of(RollupResolution.Hour));
        var range = new TimeRange(T0.AddMinutes(3), T0.AddHours(2));
        var plan = await new FlowViz.Storage.Queries.TrafficQueries(database.DataSource).PlanAsync(range, FlowDimension.SrcAs, null, null, Cancellation);
        Assert.Equal(["flows", "rollup_as_5m", "rollup_as_1h"], plan.Select(segment => segment.Source.Table));
    }

    [Fact]
    public async Task RunOnceAsync_Pass_ReportsWatermarkAndLag()
    {
        await using var database = await BuiltDatabaseAsync();
        var progress = new RollupProgress();
        var builder = new RollupBuilder(database.DataSource, Options.Create(new FlowVizStorageOptions()),
            new FixedTimeProvider(Now.AddMinutes(2)), progress, NullLogger<RollupBuilder>.Instance);

        Assert.Null(progress.Lag(Now));
        var computed = await builder.RunOnceAsync(Cancellation);

        Assert.Equal(2, computed);
        Assert.Equal(T0.AddHours(3).AddMinutes(2), progress.Watermark);
        Assert.Equal(TimeSpan.FromMinutes(1), progress.Lag(Now.AddMinutes(2)));
    }

    private async Task<BuiltDatabase> BuiltDatabaseAsync()
    {
        var fixture = new MigratedDatabaseFixture(server);
        await fixture.InitializeAsync();
        var flows = Generate(300, seed: 7);
        await fixture.CreateMaintainer().EnsurePartitionsAsync(T0.AddDays(-1), T0.AddDays(1), Cancellation);
        await fixture.CreateWriter().WriteAsync(flows, Cancellation);
        await InsertClassesAsync(fixture.DataSource, Cancellation);
        await RollupTrafficFixture.Builder(fixture.DataSource, Now).RunOnceAsync(Cancellation);
        return new BuiltDatabase(fixture, flows);
    }

    private sealed record BuiltDatabase(MigratedDatabaseFixture Fixture, IReadOnlyList<FlowRecord> Flows) : IAsyncDisposable
    {
        public NpgsqlDataSource DataSource => Fixture.DataSource;

        public ValueTask DisposeAsync() => Fixture.DisposeAsync();
    }
}
