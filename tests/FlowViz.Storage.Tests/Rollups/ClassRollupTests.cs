using System.Globalization;
using FlowViz.Core.Filtering;
using FlowViz.Core.Flows;
using FlowViz.Core.Queries;
using FlowViz.Storage.Queries;
using FlowViz.Storage.Rollups;
using FlowViz.Storage.Tests.Infrastructure;
using FlowViz.Storage.Tests.Timescale;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Npgsql;
using static FlowViz.Storage.Tests.Rollups.RollupFlows;

namespace FlowViz.Storage.Tests.Rollups;

/// <summary>
/// The class rollup (db-migrations/0015): flows over the week [Thursday 2026-03-19, Thursday 2026-03-26) plus six hours,
/// rolled up by the builder from scratch. Every level holds the flows summed by the class of their interfaces (worked
/// out in C#), class answers read it and equal the raw flows' answers for ranges and steps that cut buckets, a rule
/// change is seen by the next answer (the interface cube answers until the class rows are recomputed, then those), a
/// late flow updates the class rows with the interface cube's, and retention trims them with it.
/// </summary>
public sealed class ClassRollupTests(PostgresServerFixture server, ClassRollupTests.BuiltWeek week) : IClassFixture<ClassRollupTests.BuiltWeek>
{
    private static readonly RolledUpWeek Week = new(new(2026, 3, 19, 0, 0, 0, TimeSpan.Zero), seed: 15_2026);
    private static DateTimeOffset WeekStart => Week.Start;
    private static DateTimeOffset WeekEnd => Week.WeekEnd;
    private static DateTimeOffset End => Week.End;

    private static FlowVizStorageOptions Options14Days => RolledUpWeek.Options14Days;

    private static FlowRecord[] Flows => Week.Flows;

    private static readonly TimeRange[] Ranges =
    [
        new(WeekStart.AddMinutes(-47).AddSeconds(17), End),
        new(WeekStart.AddHours(3).AddMinutes(10), WeekEnd.AddHours(-1).AddSeconds(-7)),
        new(WeekStart, WeekEnd),
    ];

    private readonly MigratedDatabaseFixture _database = week.Database;

    private static CancellationToken Cancellation => TestContext.Current.CancellationToken;

    /// <summary>The flows written and rolled up at <see cref="End"/> + 1 min, once for the read-only tests.</summary>
    public sealed class BuiltWeek(PostgresServerFixture server) : BuiltRolledUpWeek(server, Week);

    private static Task BuildAsync(MigratedDatabaseFixture database, FlowRecord[] flows, DateTimeOffset now) =>
        Week.BuildAsync(database, flows, now, Cancellation);

    [Fact]
    public async Task RunOnceAsync_EveryLevel_HoldsTheFlowsSummedByClassAndCoversTheInterfaceCubeUnderTheCurrentClasses()
    {
        await using var connection = await _database.DataSource.OpenConnectionAsync(Cancellation);
        var coverage = await RollupCoverage.ReadAsync(connection, Cancellation);
        var classes = await ClassRollupPlanner.CurrentCoverageAsync(connection, Cancellation);
        foreach (var resolution in ClassRollup.Resolutions)
        {
            var covered = coverage.Of(resolution);
            Assert.Equal(covered, classes.Of(resolution));
            var expected = Expected(resolution, Flows, Classes, covered);
            Assert.True(expected.Count > 1, $"only {expected.Count} expected {resolution.Name} rows");
            Assert.Equal(expected, await ActualAsync(_database.DataSource, resolution));
        }
        Assert.Equal(new TimeInterval(WeekStart, WeekEnd), classes.Of(RollupResolution.Week));
    }

    [Theory]
    [InlineData(FlowDimension.Connectivity, null, 3_600)]
    [InlineData(FlowDimension.Provider, null, 86_400)]
    [InlineData(FlowDimension.Boundary, null, 300)]
    [InlineData(FlowDimension.Connectivity, "direction out", 21_600)]
    [InlineData(FlowDimension.Provider, "not direction in", 3_600)]
    public async Task Answers_ByClass_ReadTheClassRollupAndEqualRawFlows(FlowDimension by, string? filterText, int step)
    {
        var filter = filterText is null ? null : FilterParser.Parse(filterText);
        var queries = new TrafficQueries(_database.DataSource);
        var raw = new TrafficQueries(_database.DataSource, useRollups: false);
        foreach (var range in Ranges)
        {
            var plan = await queries.PlanAsync(range, by, filter, step, Cancellation);
            Assert.Contains(plan, segment => segment.Source.Table.StartsWith("rollup_class_", StringComparison.Ordinal));
            Assert.All(plan, segment => Assert.Equal(0, segment.Source.Resolution is { } r ? step % r.WidthSeconds : 0));
            var top = new TopQuery(range, by, TrafficMetric.Bytes, 3, filter);
            Assert.Equal(QueryResults.Text(await raw.TopAsync(top, Cancellation)), QueryResults.Text(await queries.TopAsync(top, Cancellation)));
            foreach (var split in new[] { SeriesSplit.None, SeriesSplit.Direction })
            {
                var series = new SeriesQuery(range, by, TrafficMetric.Bits, step, 3, filter, split);
                Assert.Equal(QueryResults.Text(await raw.SeriesAsync(series, Cancellation)), QueryResults.Text(await queries.SeriesAsync(series, Cancellation)));
            }
        }
    }

    [Fact]
    public async Task PlanAsync_RangeHoldingTheWeek_ReadsTheClassWeekAndSixHoursAndTheInterfaceCubeAtTheEdges()
    {
        var range = new TimeRange(WeekStart.AddMinutes(-47).AddSeconds(17), End.AddSeconds(17));
        var aligned = new TimeRange(WeekStart.AddHours(-1), WeekStart.AddDays(1).AddHours(1).AddMinutes(7));
        var queries = new TrafficQueries(_database.DataSource);

        var plan = await queries.PlanAsync(range, FlowDimension.Connectivity, null, null, Cancellation);
        var edges = await queries.PlanAsync(aligned, FlowDimension.Connectivity, null, null, Cancellation);

        // Nothing is rolled up before the week or after the builder's clock: raw flows there.
        Assert.Equal(
            [$"flows [{range.From:u}, {WeekStart:u})", $"rollup_class_1w [{WeekStart:u}, {WeekEnd:u})", $"rollup_class_6h [{WeekEnd:u}, {End:u})",
             $"flows [{End:u}, {range.To:u})"],
            plan.Select(segment => segment.ToString()));
        // Past the class levels' last whole bucket: the interface cube's minutes.
        Assert.Equal(
            [$"flows [{aligned.From:u}, {WeekStart:u})", $"rollup_class_1d [{WeekStart:u}, {WeekStart.AddDays(1):u})",
             $"rollup_class_1h [{WeekStart.AddDays(1):u}, {WeekStart.AddDays(1).AddHours(1):u})",
             $"rollup_class_5m [{WeekStart.AddDays(1).AddHours(1):u}, {WeekStart.AddDays(1).AddHours(1).AddMinutes(5):u})",
             $"rollup_iface_1m [{WeekStart.AddDays(1).AddHours(1).AddMinutes(5):u}, {aligned.To:u})"],
            edges.Select(segment => segment.ToString()));
    }

    [Theory]
    [InlineData(FlowDimension.Provider, "connectivity transit")]
    [InlineData(FlowDimension.Connectivity, "exporter 198.51.100.1")]
    [InlineData(FlowDimension.OriginAs, null)]
    public async Task Answers_FilterOrDimensionTheClassRollupLacks_ReadOtherTablesAndEqualRawFlows(FlowDimension by, string? filterText)
    {
        var filter = filterText is null ? null : FilterParser.Parse(filterText);
        var queries = new TrafficQueries(_database.DataSource);
        var range = Ranges[0];

        var plan = await queries.PlanAsync(range, by, filter, 3_600, Cancellation);

        Assert.DoesNotContain(plan, segment => ClassRollup.Reads(segment.Source));
        var series = new SeriesQuery(range, by, TrafficMetric.Bits, 3_600, 3, filter);
        Assert.Equal(
            QueryResults.Text(await new TrafficQueries(_database.DataSource, useRollups: false).SeriesAsync(series, Cancellation)),
            QueryResults.Text(await queries.SeriesAsync(series, Cancellation)));
    }

    [Fact]
    public async Task RuleChange_NextAnswerFollowsTheNewClasses_ThenTheBuilderRecomputesTheClassRows()
    {
        await using var database = new MigratedDatabaseFixture(server);
        await database.InitializeAsync();
        await BuildAsync(database, Flows, End.AddMinutes(1));
        var queries = new TrafficQueries(database.DataSource);
        var top = new TopQuery(Ranges[0], FlowDimension.Provider, TrafficMetric.Bytes, 20);
        var series = new SeriesQuery(Ranges[1], FlowDimension.Connectivity, TrafficMetric.Bits, 3_600, 5, null, SeriesSplit.Direction);
        Assert.Contains(await queries.PlanAsync(top.Range, top.By, null, null, Cancellation), segment => ClassRollup.Reads(segment.Source));
        // Telia's port becomes an IX port, and a port nobody had classified becomes transit: history is re-classified.
        await ExecuteAsync(database.DataSource, """
            UPDATE interface_classes SET connectivity = 'ix', provider = 'amsix' WHERE if_exporter = '198.51.100.1' AND if_index = 1;
            INSERT INTO interface_classes VALUES ('198.51.100.2', 2, 'transit', 'ntt', 'external');
            """);
        var newClasses = Classes.Select(c => c.Exporter == "198.51.100.1" && c.IfIndex == 1 ? c with { Connectivity = "ix", Provider = "amsix" } : c)
            .Append(("198.51.100.2", 2u, "transit", "ntt", "external")).ToArray();

        var topRightAfter = await queries.TopAsync(top, Cancellation);
        var seriesRightAfter = await queries.SeriesAsync(series, Cancellation);

        Assert.DoesNotContain(await queries.PlanAsync(top.Range, top.By, null, null, Cancellation), segment => ClassRollup.Reads(segment.Source));
        var expectedTop = Flows.Where(f => f.TimeReceived >= top.Range.From.UtcDateTime && f.TimeReceived < top.Range.To.UtcDateTime)
            .GroupBy(f => ClassOf(f, newClasses, c => c.Provider) ?? TrafficQueries.NoneKey)
            .ToDictionary(g => g.Key, g => g.Sum(f => (long)f.ScaledBytes));
        Assert.Equal(expectedTop.OrderBy(p => p.Key, StringComparer.Ordinal),
            topRightAfter.Rows.ToDictionary(r => r.Key, r => r.Bytes).OrderBy(p => p.Key, StringComparer.Ordinal));
        var raw = new TrafficQueries(database.DataSource, useRollups: false);
        Assert.Equal(QueryResults.Text(await raw.SeriesAsync(series, Cancellation)), QueryResults.Text(seriesRightAfter));

        await RollupTrafficFixture.Builder(database.DataSource, End.AddMinutes(1).AddSeconds(30), Options14Days).RunOnceAsync(Cancellation);

        Assert.Contains(await queries.PlanAsync(top.Range, top.By, null, null, Cancellation), segment => ClassRollup.Reads(segment.Source));
        Assert.Equal(QueryResults.Text(topRightAfter), QueryResults.Text(await queries.TopAsync(top, Cancellation)));
        Assert.Equal(QueryResults.Text(seriesRightAfter), QueryResults.Text(await queries.SeriesAsync(series, Cancellation)));
        await using var connection = await database.DataSource.OpenConnectionAsync(Cancellation);
        var coverage = await RollupCoverage.ReadAsync(connection, Cancellation);
        foreach (var resolution in ClassRollup.Resolutions)
        {
            Assert.Equal(Expected(resolution, Flows, newClasses, coverage.Of(resolution)), await ActualAsync(database.DataSource, resolution));
        }
    }

    [Fact]
    public async Task ClassesRewrittenUnchanged_KeepTheClassRollup()
    {
        await using var database = new MigratedDatabaseFixture(server);
        await database.InitializeAsync();
        await BuildAsync(database, Flows, End.AddMinutes(1));

        // What InterfaceClassesRebuilder does on every start: every row deleted and inserted again, here the same rows.
        await ExecuteAsync(database.DataSource, """
            CREATE TEMP TABLE kept AS SELECT * FROM interface_classes;
            DELETE FROM interface_classes;
            INSERT INTO interface_classes SELECT * FROM kept;
            """);

        var plan = await new TrafficQueries(database.DataSource).PlanAsync(Ranges[0], FlowDimension.Connectivity, null, null, Cancellation);
        Assert.Contains(plan, segment => ClassRollup.Reads(segment.Source));
        Assert.Equal(0, await ClassRollupBuilder.CatchUpAsync(database.DataSource, Cancellation));
    }

    [Fact]
    public async Task CatchUpAsync_AfterAChange_FillsEveryLevelBackFromTheNewestBucketsInChunks()
    {
        await using var database = new MigratedDatabaseFixture(server);
        await database.InitializeAsync();
        await BuildAsync(database, Flows, End.AddMinutes(1));
        await ExecuteAsync(database.DataSource, "UPDATE interface_classes SET provider = 'lumen' WHERE provider = 'cogent'");

        var transactions = await ClassRollupBuilder.CatchUpAsync(database.DataSource, Cancellation);

        // The 5-minute level covers 7¼ days, recomputed a day per transaction.
        Assert.Equal(8, transactions);
        await using var connection = await database.DataSource.OpenConnectionAsync(Cancellation);
        var coverage = await RollupCoverage.ReadAsync(connection, Cancellation);
        var classes = await ClassRollupPlanner.CurrentCoverageAsync(connection, Cancellation);
        Assert.All(ClassRollup.Resolutions, resolution => Assert.Equal(coverage.Of(resolution), classes.Of(resolution)));
    }

    [Fact]
    public async Task RunOnceAsync_LateFlowInTheLastHourOfTheWeek_UpdatesTheClassRowsWithTheInterfaceCube()
    {
        await using var database = new MigratedDatabaseFixture(server);
        await database.InitializeAsync();
        var flows = Flows.Where(flow => flow.TimeReceived < WeekEnd.UtcDateTime).ToArray();
        await BuildAsync(database, flows, WeekEnd.AddMinutes(2));
        // A flow over Telia's transit port (input 1 of 198.51.100.1), 20 minutes before the week ends.
        var late = flows.First(f => ClassOf(f, Classes, c => c.Connectivity) == "transit");
        late = late with { TimeReceived = WeekEnd.UtcDateTime.AddMinutes(-20).AddSeconds(7) };
        await database.CreateWriter().WriteAsync(new[] { late }, Cancellation);

        await RollupTrafficFixture.Builder(database.DataSource, WeekEnd.AddMinutes(2).AddSeconds(30), Options14Days).RunOnceAsync(Cancellation);

        var all = flows.Append(late).ToList();
        foreach (var resolution in ClassRollup.Resolutions)
        {
            var within = new TimeInterval(WeekStart, WeekEnd);
            Assert.Equal(Expected(resolution, all, Classes, within), await ActualAsync(database.DataSource, resolution));
        }
        var range = new TimeRange(WeekStart, WeekEnd);
        var queries = new TrafficQueries(database.DataSource);
        Assert.Equal($"rollup_class_1w [{WeekStart:u}, {WeekEnd:u})",
            Assert.Single(await queries.PlanAsync(range, FlowDimension.Connectivity, null, null, Cancellation)).ToString());
        var top = new TopQuery(range, FlowDimension.Connectivity, TrafficMetric.Bytes, 10);
        Assert.Equal(
            QueryResults.Text(await new TrafficQueries(database.DataSource, useRollups: false).TopAsync(top, Cancellation)),
            QueryResults.Text(await queries.TopAsync(top, Cancellation)));
    }

    [Fact]
    public async Task Retention_HoursDropped_ClassHoursAndSixHoursFollowTheInterfaceCoverageAndTheWeekStays()
    {
        await using var database = new MigratedDatabaseFixture(server);
        await database.InitializeAsync();
        await BuildAsync(database, Flows, End.AddMinutes(1));
        var options = new FlowVizStorageOptions { RollupHourRetention = TimeSpan.FromDays(4) };
        var now = End.AddDays(1);
        var retention = new RollupRetention(database.DataSource, Options.Create(options), new FixedTimeProvider(now), NullLogger<RollupRetention>.Instance);
        var weekBefore = await ActualAsync(database.DataSource, RollupResolution.Week);

        await retention.ApplyAsync(Cancellation);
        await ClassRollupBuilder.CatchUpAsync(database.DataSource, Cancellation);

        await using var connection = await database.DataSource.OpenConnectionAsync(Cancellation);
        var coverage = await RollupCoverage.ReadAsync(connection, Cancellation);
        var classes = await ClassRollupPlanner.CurrentCoverageAsync(connection, Cancellation);
        foreach (var resolution in new[] { RollupResolution.Hour, RollupResolution.SixHours })
        {
            var horizon = resolution.Ceiling(now - options.RollupHourRetention);
            Assert.Equal(new TimeInterval(horizon, End), classes.Of(resolution));
            Assert.Equal(coverage.Of(resolution), classes.Of(resolution));
            Assert.Equal(Expected(resolution, Flows, Classes, classes.Of(resolution)), await ActualAsync(database.DataSource, resolution));
        }
        Assert.Equal(weekBefore, await ActualAsync(database.DataSource, RollupResolution.Week));
        var top = new TopQuery(Ranges[0], FlowDimension.Connectivity, TrafficMetric.Bytes, 10);
        Assert.Equal(
            QueryResults.Text(await new TrafficQueries(database.DataSource, useRollups: false).TopAsync(top, Cancellation)),
            QueryResults.Text(await new TrafficQueries(database.DataSource).TopAsync(top, Cancellation)));
    }

    /// <summary>The class rows a level should hold in <paramref name="within"/>, worked out in C# from the flows and the classes.</summary>
    private static List<string> Expected(
        RollupResolution resolution, IEnumerable<FlowRecord> flows, IReadOnlyList<(string Exporter, uint IfIndex, string Connectivity, string? Provider, string Boundary)> classes,
        TimeInterval within) =>
        ExpectedRollups.Expected(resolution, flows, within.From, within.To,
            f => [ClassOf(f, classes, c => c.Connectivity), ClassOf(f, classes, c => c.Provider), ClassOf(f, classes, c => c.Boundary)]);

    private static async Task<List<string>> ActualAsync(NpgsqlDataSource dataSource, RollupResolution resolution)
    {
        await using var command = dataSource.CreateCommand(
            $"SELECT extract(epoch FROM bucket)::bigint, traffic_direction, connectivity, provider, boundary, flows, packets, bytes FROM {ClassRollup.Cube.TableName(resolution)}");
        return await ExpectedRollups.SortedRowsAsync(command, Cancellation);
    }

    /// <summary>The contract of 0004 over any class list: the input interface's class when it is external, else the output's.</summary>
    private static string? ClassOf(
        FlowRecord flow, IReadOnlyList<(string Exporter, uint IfIndex, string Connectivity, string? Provider, string Boundary)> classes,
        Func<(string Exporter, uint IfIndex, string Connectivity, string? Provider, string Boundary), string?> pick)
    {
        if (flow.Exporter.IsNone)
        {
            return null;
        }
        var exporter = flow.Exporter.ToIPAddress().ToString();
        var input = classes.Where(c => c.Exporter == exporter && c.IfIndex == flow.InputInterface).ToList();
        if (input.Count == 1 && input[0].Boundary == "external")
        {
            return pick(input[0]);
        }
        var output = classes.Where(c => c.Exporter == exporter && c.IfIndex == flow.OutputInterface).ToList();
        return output.Count == 1 ? pick(output[0]) : null;
    }

    private static async Task ExecuteAsync(NpgsqlDataSource dataSource, string sql)
    {
        await using var command = dataSource.CreateCommand(sql);
        await command.ExecuteNonQueryAsync(Cancellation);
    }

}
