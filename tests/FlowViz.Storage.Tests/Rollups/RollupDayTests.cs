using FlowViz.Core.Filtering;
using FlowViz.Core.Flows;
using FlowViz.Core.Queries;
using FlowViz.Storage.Queries;
using FlowViz.Storage.Rollups;
using FlowViz.Storage.Tests.Infrastructure;
using FlowViz.Storage.Tests.Timescale;
using static FlowViz.Storage.Tests.Rollups.RollupFlows;

namespace FlowViz.Storage.Tests.Rollups;

/// <summary>
/// The 1-day cubes (db-migrations/0010): flows spread over 2.5 days, rolled up by the builder from scratch; the whole
/// days hold exactly the records' sums, and queries that read them answer as the raw flows do.
/// </summary>
public sealed class RollupDayTests(PostgresServerFixture server) : IAsyncLifetime
{
    private static readonly DateTimeOffset End = T0.AddHours(60);

    private readonly MigratedDatabaseFixture _database = new(server);

    private readonly FlowRecord[] _flows = Spread(Generate(1_200, seed: 10_2026), T0, End);

    private static CancellationToken Cancellation => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync()
    {
        await _database.InitializeAsync();
        await _database.CreateMaintainer().EnsurePartitionsAsync(T0.AddDays(-1), T0.AddDays(4), Cancellation);
        await _database.CreateWriter().WriteAsync(_flows, Cancellation);
        await InsertClassesAsync(_database.DataSource, Cancellation);
        await using (var names = _database.DataSource.CreateCommand("""
            INSERT INTO interfaces (exporter, if_index, source, name, description, first_seen, last_seen) VALUES
                ('198.51.100.1', 1, 'configuration', 'xe-0/0/1', 'Transit: Telia', now(), now()),
                ('198.51.100.1', 2, 'options', 'xe-0/0/2', NULL, now(), now())
            """))
        {
            await names.ExecuteNonQueryAsync(Cancellation);
        }
        await RollupTrafficFixture.Builder(_database.DataSource, End.AddMinutes(1)).RunOnceAsync(Cancellation);
    }

    public ValueTask DisposeAsync() => _database.DisposeAsync();

    [Fact]
    public async Task RunOnceAsync_TwoWholeDays_DayCubesEqualSumsOfTheRecordsAndCoverThem()
    {
        foreach (var cube in RollupCubes.All)
        {
            var expected = ExpectedRollups.Expected(cube, RollupResolution.Day, _flows, T0, T0.AddDays(2));
            Assert.True(expected.Count > 2, $"only {expected.Count} expected rows");
            Assert.Equal(expected, await ExpectedRollups.ActualAsync(_database.DataSource, cube, RollupResolution.Day, Cancellation));
        }
        await using var connection = await _database.DataSource.OpenConnectionAsync(Cancellation);
        var coverage = await RollupCoverage.ReadAsync(connection, Cancellation);
        Assert.Equal(new TimeInterval(T0, T0.AddDays(2)), coverage.Of(RollupResolution.Day));
        Assert.Equal(new TimeInterval(T0, End), coverage.Of(RollupResolution.Hour));
    }

    [Theory]
    [InlineData(FlowDimension.OriginAs, null)]
    [InlineData(FlowDimension.Connectivity, "origin as 64496 or direction out")]
    [InlineData(FlowDimension.Application, "direction in")]
    [InlineData(FlowDimension.InputInterface, "src as 64497")]
    public async Task TopAsync_RangeHoldingAWholeDay_ReadsTheDayCubeAndEqualsRawFlows(FlowDimension by, string? filter)
    {
        var range = new TimeRange(T0.AddHours(5).AddSeconds(17), T0.AddHours(59).AddMinutes(3));
        var query = new TopQuery(range, by, TrafficMetric.Bytes, 3, filter is null ? null : FilterParser.Parse(filter));
        var queries = new TrafficQueries(_database.DataSource);

        var plan = await queries.PlanAsync(range, by, query.Filter, null, Cancellation);
        var answer = await queries.TopAsync(query, Cancellation);

        var day = Assert.Single(plan, segment => segment.Source.Table.EndsWith("_1d", StringComparison.Ordinal));
        Assert.Equal(new TimeInterval(T0.AddDays(1), T0.AddDays(2)), day.Interval);
        var raw = await new TrafficQueries(_database.DataSource, useRollups: false).TopAsync(query, Cancellation);
        Assert.Equal(QueryResults.Text(raw), QueryResults.Text(answer));
        Assert.NotEmpty(answer.Rows);
    }

    [Fact]
    public async Task SeriesAsync_DailySteps_ReadTheDayCubeAndEqualRawFlows()
    {
        var range = new TimeRange(T0, End);
        var query = new SeriesQuery(range, FlowDimension.Protocol, TrafficMetric.Bits, 86_400, 5, Split: SeriesSplit.Direction);
        var queries = new TrafficQueries(_database.DataSource);

        var plan = await queries.PlanAsync(range, FlowDimension.Protocol, null, 86_400, Cancellation);

        // The 12 hours after the two days are two whole 6-hour buckets (db-migrations/0012), which a daily step can add.
        Assert.Equal(["rollup_proto_1d", "rollup_proto_6h"], plan.Select(segment => segment.Source.Table).Order(StringComparer.Ordinal));
        Assert.Equal(
            QueryResults.Text(await new TrafficQueries(_database.DataSource, useRollups: false).SeriesAsync(query, Cancellation)),
            QueryResults.Text(await queries.SeriesAsync(query, Cancellation)));
    }

    [Fact]
    public async Task TopAndSeries_ByInterface_CarryTheKnownInterfaceNames()
    {
        var range = new TimeRange(T0, End);
        var queries = new TrafficQueries(_database.DataSource);

        var top = await queries.TopAsync(new TopQuery(range, FlowDimension.InputInterface, TrafficMetric.Bytes, 100), Cancellation);
        var series = await queries.SeriesAsync(new SeriesQuery(range, FlowDimension.InputInterface, TrafficMetric.Bits, 3_600, 100), Cancellation);

        foreach (var (key, name, description) in new[]
        {
            ("198.51.100.1/1", "xe-0/0/1", "Transit: Telia"), ("198.51.100.1/2", "xe-0/0/2", null), ("198.51.100.2/1", null, (string?)null),
        })
        {
            var row = top.Rows.Single(r => r.Key == key);
            Assert.Equal((name, description), (row.InterfaceName, row.InterfaceDescription));
            var line = series.Series.Single(s => s.Key == key);
            Assert.Equal((name, description), (line.InterfaceName, line.InterfaceDescription));
        }
        var other = await queries.TopAsync(new TopQuery(range, FlowDimension.SrcAs, TrafficMetric.Bytes, 100), Cancellation);
        Assert.All(other.Rows, row => Assert.Null(row.InterfaceName));
    }

}
