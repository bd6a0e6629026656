using System.Text;
using FlowViz.Core.Filtering;
using FlowViz.Core.Queries;
using FlowViz.Storage.Queries;
using FlowViz.Storage.Rollups;
using FlowViz.Storage.Tests.Infrastructure;
using FlowViz.Storage.Tests.Rollups;
using Npgsql;
using static FlowViz.Storage.Tests.Rollups.RollupFlows;

namespace FlowViz.Storage.Tests.Timescale;

/// <summary>
/// The rollups built on TimescaleDB (hypertables with compression) hold the same rows as on plain PostgreSQL for the
/// same flows, and the query service gives the same answers from them, before and after compressing their chunks.
/// </summary>
[Collection(TimescaleCollection.Name)]
public sealed class TimescaleRollupParityTests(TimescaleServerFixture timescale, MigratedDatabaseFixture postgres)
    : IClassFixture<MigratedDatabaseFixture>, IAsyncLifetime
{
    private static readonly TimeRange[] Ranges =
    [
        new(T0, T0.AddHours(3)),
        new(T0.AddSeconds(450.5), T0.AddSeconds(10_390)),
    ];

    private static readonly string?[] Filters = [null, "connectivity transit or app https", "src as 64496 and in if 1", "proto udp"];

    private static readonly FlowDimension[] Dimensions =
        [FlowDimension.Protocol, FlowDimension.Application, FlowDimension.LocalHost, FlowDimension.OriginAs, FlowDimension.InputInterface,
         FlowDimension.Connectivity, FlowDimension.DstCountry, FlowDimension.Direction];

    private static CancellationToken Cancellation => TestContext.Current.CancellationToken;

    private readonly Rollups.RollupFlowsSample _flows = new();

    public async ValueTask InitializeAsync()
    {
        await postgres.CreateMaintainer().EnsurePartitionsAsync(T0.AddDays(-1), T0.AddDays(1), Cancellation);
        await SeedOnceAsync(postgres.DataSource);
        await SeedOnceAsync(timescale.DataSource);
    }

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;

    [Fact]
    public async Task RollupTables_OnTimescaleDb_AreCompressedHypertables()
    {
        await using var command = timescale.DataSource.CreateCommand("""
            SELECT count(*) FROM timescaledb_information.hypertables WHERE hypertable_name LIKE 'rollup\_%' AND compression_enabled
            """);

        Assert.Equal((long)(RollupCubes.All.Count * RollupResolution.All.Count + ClassRollup.Resolutions.Count), await command.ExecuteScalarAsync(Cancellation));
    }

    [Fact]
    public async Task ClassRollup_OnTimescaleDb_AnswersEqualRawFlows()
    {
        // Other classes of the collection may change the shared database's interface classes: bring the class rollup up to date.
        await ClassRollupBuilder.CatchUpAsync(timescale.DataSource, Cancellation);
        var queries = new TrafficQueries(timescale.DataSource);
        var raw = new TrafficQueries(timescale.DataSource, useRollups: false);
        foreach (var range in Ranges)
        {
            foreach (var by in new[] { FlowDimension.Connectivity, FlowDimension.Provider, FlowDimension.Boundary })
            {
                Assert.Contains(await queries.PlanAsync(range, by, null, 300, Cancellation), segment => ClassRollup.Reads(segment.Source));
                var top = new TopQuery(range, by, TrafficMetric.Bytes, 5);
                Assert.Equal(QueryResults.Text(await raw.TopAsync(top, Cancellation)), QueryResults.Text(await queries.TopAsync(top, Cancellation)));
                var series = new SeriesQuery(range, by, TrafficMetric.Bits, 300, 3, null, SeriesSplit.Direction);
                Assert.Equal(QueryResults.Text(await raw.SeriesAsync(series, Cancellation)), QueryResults.Text(await queries.SeriesAsync(series, Cancellation)));
            }
        }
    }

    [Fact]
    public async Task Cubes_SameFlows_SameRowsAsPostgres()
    {
        foreach (var cube in RollupCubes.All)
        {
            foreach (var resolution in RollupResolution.All)
            {
                var expected = ExpectedRollups.Expected(cube, resolution, _flows.Flows, T0, resolution.Floor(T0.AddHours(3)));
                // Other classes of the collection write flows of other days to the same TimescaleDB: compare these hours.
                var hours = new TimeInterval(T0, resolution.Floor(T0.AddHours(3)));
                Assert.Equal(expected, await ExpectedRollups.ActualAsync(postgres.DataSource, cube, resolution, Cancellation, hours));
                Assert.Equal(expected, await ExpectedRollups.ActualAsync(timescale.DataSource, cube, resolution, Cancellation, hours));
            }
        }
    }

    [Fact]
    public async Task Queries_BeforeAndAfterCompressingRollupChunks_SameAsPostgres()
    {
        var before = (await AnswersAsync(postgres.DataSource), await AnswersAsync(timescale.DataSource));
        await using (var compress = timescale.DataSource.CreateCommand(
            "SELECT count(compress_chunk(c, if_not_compressed => true)) FROM show_chunks('rollup_as_1m') c"))
        {
            Assert.True((long)(await compress.ExecuteScalarAsync(Cancellation))! >= 1);
        }

        var after = await AnswersAsync(timescale.DataSource);

        Assert.Equal(before.Item1, before.Item2);
        Assert.Equal(before.Item1, after);
    }

    private static async Task<string> AnswersAsync(NpgsqlDataSource dataSource)
    {
        var queries = new TrafficQueries(dataSource);
        var text = new StringBuilder();
        foreach (var range in Ranges)
        {
            foreach (var filterText in Filters)
            {
                var filter = filterText is null ? null : FilterParser.Parse(filterText);
                text.AppendLine(QueryResults.Text(await queries.SummaryAsync(new SummaryQuery(range, filter), Cancellation)));
                foreach (var by in Dimensions)
                {
                    text.AppendLine(QueryResults.Text(await queries.TopAsync(new TopQuery(range, by, TrafficMetric.Bytes, 5, filter), Cancellation)));
                    text.AppendLine(QueryResults.Text(await queries.SeriesAsync(
                        new SeriesQuery(range, by, TrafficMetric.Bits, 300, 3, filter, SeriesSplit.Direction), Cancellation)));
                }
            }
        }
        return text.ToString();
    }

    private async Task SeedOnceAsync(NpgsqlDataSource dataSource)
    {
        await using (var count = dataSource.CreateCommand("SELECT count(*) FROM flows WHERE time_received >= $1 AND time_received < $2"))
        {
            count.Parameters.Add(new() { Value = T0.UtcDateTime });
            count.Parameters.Add(new() { Value = T0.UtcDateTime.AddHours(3) });
            if ((long)(await count.ExecuteScalarAsync(Cancellation))! > 0)
            {
                return;
            }
        }
        await FlowInserts.InsertAsync(dataSource, _flows.Flows, Cancellation);
        await InsertClassesAsync(dataSource, Cancellation);
        await RollupTrafficFixture.Builder(dataSource, Now).RunOnceAsync(Cancellation);
    }
}
