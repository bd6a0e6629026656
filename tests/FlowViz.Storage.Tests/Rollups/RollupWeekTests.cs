using FlowViz.Core.Filtering;
using FlowViz.Core.Flows;
using FlowViz.Core.Queries;
using FlowViz.Storage.Queries;
using FlowViz.Storage.Rollups;
using FlowViz.Storage.Tests.Infrastructure;
using FlowViz.Storage.Tests.Timescale;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using static FlowViz.Storage.Tests.Rollups.RollupFlows;

namespace FlowViz.Storage.Tests.Rollups;

/// <summary>
/// The 6-hour and week cubes (db-migrations/0012): flows spread over the week [Thursday 2026-03-05, Thursday 2026-03-12)
/// (epoch weeks start on Thursdays) plus six hours, rolled up by the builder from scratch; the week and its 6-hour
/// buckets hold exactly the records' sums, queries that read them answer as the raw flows do, a late flow updates its
/// week once, and retention drops each level by its own age.
/// </summary>
public sealed class RollupWeekTests(PostgresServerFixture server, RollupWeekTests.BuiltWeek week) : IClassFixture<RollupWeekTests.BuiltWeek>
{
    private static readonly RolledUpWeek Week = new(new(2026, 3, 5, 0, 0, 0, TimeSpan.Zero), seed: 12_2026);
    private static DateTimeOffset WeekStart => Week.Start;
    private static DateTimeOffset WeekEnd => Week.WeekEnd;
    private static DateTimeOffset End => Week.End;

    private static FlowVizStorageOptions Options14Days => RolledUpWeek.Options14Days;

    private static FlowRecord[] Flows => Week.Flows;

    private readonly MigratedDatabaseFixture _database = week.Database;

    private static CancellationToken Cancellation => TestContext.Current.CancellationToken;

    /// <summary>The flows written and rolled up at <see cref="End"/> + 1 min, once for the read-only tests.</summary>
    public sealed class BuiltWeek(PostgresServerFixture server) : BuiltRolledUpWeek(server, Week);

    private static Task BuildAsync(MigratedDatabaseFixture database, FlowRecord[] flows, DateTimeOffset now) =>
        Week.BuildAsync(database, flows, now, Cancellation);

    [Fact]
    public async Task RunOnceAsync_AWholeWeek_WeekAndSixHourCubesEqualSumsOfTheRecordsAndCoverThem()
    {
        foreach (var cube in RollupCubes.All)
        {
            var week = ExpectedRollups.Expected(cube, RollupResolution.Week, Flows, WeekStart, WeekEnd);
            Assert.True(week.Count > 2, $"only {week.Count} expected week rows");
            Assert.Equal(week, await ExpectedRollups.ActualAsync(_database.DataSource, cube, RollupResolution.Week, Cancellation));
            var sixHours = ExpectedRollups.Expected(cube, RollupResolution.SixHours, Flows, WeekStart, End);
            Assert.True(sixHours.Count > week.Count, $"only {sixHours.Count} expected 6-hour rows");
            Assert.Equal(sixHours, await ExpectedRollups.ActualAsync(_database.DataSource, cube, RollupResolution.SixHours, Cancellation));
        }
        await using var connection = await _database.DataSource.OpenConnectionAsync(Cancellation);
        var coverage = await RollupCoverage.ReadAsync(connection, Cancellation);
        Assert.Equal(new TimeInterval(WeekStart, WeekEnd), coverage.Of(RollupResolution.Week));
        Assert.Equal(new TimeInterval(WeekStart, End), coverage.Of(RollupResolution.SixHours));
        Assert.Equal(new TimeInterval(WeekStart, WeekEnd), coverage.Of(RollupResolution.Day));
    }

    [Theory]
    [InlineData(FlowDimension.OriginAs, "connectivity transit", "as")]
    [InlineData(FlowDimension.Protocol, null, "proto")]
    [InlineData(FlowDimension.InputInterface, "src as 64497", "as")]
    public async Task TopAsync_RangeHoldingTheWeek_ReadsTheWeekAndSixHourCubesAndEqualsRawFlows(FlowDimension by, string? filter, string cube)
    {
        var range = new TimeRange(WeekStart.AddMinutes(-47).AddSeconds(17), End);
        var query = new TopQuery(range, by, TrafficMetric.Bytes, 3, filter is null ? null : FilterParser.Parse(filter));
        var queries = new TrafficQueries(_database.DataSource);

        var plan = await queries.PlanAsync(range, by, query.Filter, null, Cancellation);
        var answer = await queries.TopAsync(query, Cancellation);

        // Before the week nothing is rolled up (raw flows); then the week, then the six hours after it.
        Assert.Equal(
            [$"flows [{range.From:u}, {WeekStart:u})", $"rollup_{cube}_1w [{WeekStart:u}, {WeekEnd:u})", $"rollup_{cube}_6h [{WeekEnd:u}, {End:u})"],
            plan.Select(segment => segment.ToString()));
        var raw = await new TrafficQueries(_database.DataSource, useRollups: false).TopAsync(query, Cancellation);
        Assert.Equal(QueryResults.Text(raw), QueryResults.Text(answer));
        Assert.NotEmpty(answer.Rows);
    }

    [Fact]
    public async Task PlanAsync_FilterOnAFieldNoCubeHolds_ReadsOnlyRawFlows()
    {
        var range = new TimeRange(WeekStart, WeekEnd);

        var plan = await new TrafficQueries(_database.DataSource).PlanAsync(range, FlowDimension.OriginAs, FilterParser.Parse("dst port 443"), null, Cancellation);

        Assert.Equal(TrafficSource.RawFlows, Assert.Single(plan).Source);
    }

    [Theory]
    [InlineData(86_400, "1d")]
    [InlineData(21_600, "6h")]
    [InlineData(7 * 86_400, "1w")]
    public async Task SeriesAsync_StepsOfTheWidths_ReadTheCoarsestLevelWhoseWidthDividesTheStepAndEqualRawFlows(int step, string coarsest)
    {
        var range = new TimeRange(WeekStart, End);
        var query = new SeriesQuery(range, FlowDimension.OriginAs, TrafficMetric.Bits, step, 5, FilterParser.Parse("connectivity transit"), SeriesSplit.Direction);
        var queries = new TrafficQueries(_database.DataSource);

        var plan = await queries.PlanAsync(range, FlowDimension.OriginAs, query.Filter, step, Cancellation);

        Assert.Equal(coarsest, plan[0].Source.Resolution!.Name);
        Assert.Equal(new TimeInterval(WeekStart, coarsest == "6h" ? End : WeekEnd), plan[0].Interval);
        Assert.All(plan, segment => Assert.Equal(0, step % segment.Source.Resolution!.WidthSeconds));
        Assert.Equal(
            QueryResults.Text(await new TrafficQueries(_database.DataSource, useRollups: false).SeriesAsync(query, Cancellation)),
            QueryResults.Text(await queries.SeriesAsync(query, Cancellation)));
    }

    [Fact]
    public async Task RunOnceAsync_LateFlowInTheLastHourOfTheWeek_UpdatesTheWeekOnce()
    {
        // A database of its own whose clock stands just after the week: the week's last hour is within the late-flow lag.
        await using var database = new MigratedDatabaseFixture(server);
        await database.InitializeAsync();
        var flows = Flows.Where(flow => flow.TimeReceived < WeekEnd.UtcDateTime).ToArray();
        await BuildAsync(database, flows, WeekEnd.AddMinutes(2));
        var late = Generate(1, seed: 97)[0];
        late.TimeReceived = WeekEnd.UtcDateTime.AddMinutes(-20).AddSeconds(7);
        await database.CreateWriter().WriteAsync(new[] { late }, Cancellation);

        var first = await RollupTrafficFixture.Builder(database.DataSource, WeekEnd.AddMinutes(2).AddSeconds(30), Options14Days).RunOnceAsync(Cancellation);
        var second = await RollupTrafficFixture.Builder(database.DataSource, WeekEnd.AddMinutes(2).AddSeconds(45), Options14Days).RunOnceAsync(Cancellation);

        Assert.Equal(1, first);
        Assert.Equal(0, second);
        var all = flows.Append(late).ToList();
        foreach (var cube in RollupCubes.All)
        {
            foreach (var resolution in new[] { RollupResolution.SixHours, RollupResolution.Day, RollupResolution.Week })
            {
                Assert.Equal(
                    ExpectedRollups.Expected(cube, resolution, all, WeekStart, WeekEnd),
                    await ExpectedRollups.ActualAsync(database.DataSource, cube, resolution, Cancellation));
            }
        }
    }

    [Fact]
    public async Task ApplyAsync_HourRetentionPassed_DropsTheSixHourBucketsWithTheHoursAndKeepsTheWeek()
    {
        await using var database = new MigratedDatabaseFixture(server);
        await database.InitializeAsync();
        await BuildAsync(database, Flows, End.AddMinutes(1));
        var options = new FlowVizStorageOptions { RollupHourRetention = TimeSpan.FromDays(4) };
        var now = End.AddDays(1);
        var retention = new RollupRetention(database.DataSource, Options.Create(options), new FixedTimeProvider(now), NullLogger<RollupRetention>.Instance);
        var weekBefore = await ExpectedRollups.ActualAsync(database.DataSource, RollupCubes.As, RollupResolution.Week, Cancellation);

        await retention.ApplyAsync(Cancellation);

        var horizon = RollupResolution.SixHours.Ceiling(now - options.RollupHourRetention);
        Assert.Equal(
            ExpectedRollups.Expected(RollupCubes.As, RollupResolution.SixHours, Flows, horizon, End),
            await ExpectedRollups.ActualAsync(database.DataSource, RollupCubes.As, RollupResolution.SixHours, Cancellation));
        Assert.Equal(weekBefore, await ExpectedRollups.ActualAsync(database.DataSource, RollupCubes.As, RollupResolution.Week, Cancellation));
        await using var connection = await database.DataSource.OpenConnectionAsync(Cancellation);
        var coverage = await RollupCoverage.ReadAsync(connection, Cancellation);
        Assert.Equal(new TimeInterval(horizon, End), coverage.Of(RollupResolution.SixHours));
        Assert.Equal(new TimeInterval(WeekStart, WeekEnd), coverage.Of(RollupResolution.Week));
        await using var setting = database.DataSource.CreateCommand("SELECT value FROM flowviz_settings WHERE key = 'rollup_6h_retention'");
        Assert.Equal("4 days", await setting.ExecuteScalarAsync(Cancellation));
    }

}
