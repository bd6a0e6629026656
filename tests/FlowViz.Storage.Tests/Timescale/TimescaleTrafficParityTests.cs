using System.Text;
using FlowViz.Core.Queries;
using FlowViz.Storage.Queries;
using FlowViz.Storage.Tests.Infrastructure;
using Npgsql;
using static FlowViz.Storage.Tests.Infrastructure.KnownTrafficFixture;

namespace FlowViz.Storage.Tests.Timescale;

/// <summary>
/// The query service answers the same on a TimescaleDB hypertable as on plain PostgreSQL's daily partitions, for
/// the hand-counted flows of <see cref="KnownTrafficFixture"/> inserted the same way into both, before and after
/// their chunks are compressed. The plain answers themselves are checked by hand in TrafficQueriesTests.
/// </summary>
[Collection(TimescaleCollection.Name)]
public sealed class TimescaleTrafficParityTests(TimescaleServerFixture timescale, MigratedDatabaseFixture postgres)
    : IClassFixture<MigratedDatabaseFixture>, IAsyncLifetime
{
    private static readonly TimeRange[] Ranges =
    [
        KnownRange,
        new(T0.AddMinutes(3), T0.AddMinutes(4)),
        new(T0.AddMinutes(-1), T0),
        new(T0.AddSeconds(-95), T0.AddSeconds(250)),
        new(T0.AddDays(-30), T0.AddDays(-29)),
    ];

    private static CancellationToken Cancellation => TestContext.Current.CancellationToken;

    public static TheoryData<FlowDimension> Dimensions => new(Enum.GetValues<FlowDimension>());

    public async ValueTask InitializeAsync()
    {
        await postgres.CreateMaintainer().EnsurePartitionsAsync(T0.AddDays(-1), T0.AddDays(1), Cancellation);
        await SeedOnceAsync(postgres.DataSource);
        await SeedOnceAsync(timescale.DataSource);
    }

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;

    [Fact]
    public async Task SummaryAsync_KnownFlows_SameAsPostgres()
    {
        var answers = await BothAsync(SummariesAsync);

        Assert.Equal(new TrafficTotals(5, 69, 6_900), await new TrafficQueries(timescale.DataSource).SummaryAsync(KnownRange, Cancellation));
        Assert.Equal(answers.Postgres, answers.Timescale);
    }

    [Theory]
    [MemberData(nameof(Dimensions))]
    public async Task TopAndSeries_EveryMetricAndLimit_SameAsPostgres(FlowDimension by)
    {
        var answers = await BothAsync(queries => TopAndSeriesAsync(queries, by));

        Assert.Equal(answers.Postgres, answers.Timescale);
    }

    [Fact]
    public async Task AllQueries_AfterCompressingTheChunks_SameAsPostgres()
    {
        await using (var compress = timescale.DataSource.CreateCommand(
            "SELECT count(compress_chunk(c, if_not_compressed => true)) FROM show_chunks('flows', newer_than => $1, older_than => $2) c"))
        {
            // g lies in the hour before T0: two chunks.
            compress.Parameters.Add(new() { Value = T0.UtcDateTime.AddHours(-1) });
            compress.Parameters.Add(new() { Value = T0.UtcDateTime.AddHours(1) });
            Assert.Equal(2L, await compress.ExecuteScalarAsync(Cancellation));
        }

        var answers = await BothAsync(async queries =>
        {
            var text = new StringBuilder(await SummariesAsync(queries));
            foreach (var by in Enum.GetValues<FlowDimension>())
            {
                text.Append(await TopAndSeriesAsync(queries, by));
            }
            return text.ToString();
        });

        Assert.Equal(answers.Postgres, answers.Timescale);
    }

    private async Task<(string Postgres, string Timescale)> BothAsync(Func<TrafficQueries, Task<string>> answer) =>
        (await answer(new TrafficQueries(postgres.DataSource)), await answer(new TrafficQueries(timescale.DataSource)));

    private static async Task<string> SummariesAsync(TrafficQueries queries)
    {
        var text = new StringBuilder();
        foreach (var range in Ranges)
        {
            text.AppendLine(QueryResults.Text(await queries.SummaryAsync(range, Cancellation)));
        }
        return text.ToString();
    }

    private static async Task<string> TopAndSeriesAsync(TrafficQueries queries, FlowDimension by)
    {
        var text = new StringBuilder();
        foreach (var metric in Enum.GetValues<TrafficMetric>())
        {
            foreach (var limit in new[] { 0, 1, 10 })
            {
                foreach (var range in Ranges)
                {
                    text.AppendLine(QueryResults.Text(await queries.TopAsync(new TopQuery(range, by, metric, limit), Cancellation)));
                    // Small steps where the range is minutes long; the day-long empty range needs hours (bucket cap).
                    foreach (var step in range.To - range.From > TimeSpan.FromHours(1) ? [3_600] : new[] { 7, 60 })
                    {
                        text.AppendLine(QueryResults.Text(await queries.SeriesAsync(new SeriesQuery(range, by, metric, step, limit), Cancellation)));
                    }
                }
            }
        }
        return text.ToString();
    }

    private static async Task SeedOnceAsync(NpgsqlDataSource dataSource)
    {
        await using (var count = dataSource.CreateCommand("SELECT count(*) FROM flows WHERE time_received >= $1 AND time_received < $2"))
        {
            count.Parameters.Add(new() { Value = T0.UtcDateTime.AddHours(-1) });
            count.Parameters.Add(new() { Value = T0.UtcDateTime.AddHours(1) });
            if ((long)(await count.ExecuteScalarAsync(Cancellation))! > 0)
            {
                return;
            }
        }
        await FlowInserts.InsertAsync(dataSource, KnownTrafficFixture.Flows, Cancellation);
    }
}
