using FlowViz.Core.Filtering;
using FlowViz.Core.Queries;
using FlowViz.Storage.Queries;
using FlowViz.Storage.Tests.Infrastructure;
using Microsoft.Extensions.Options;

namespace FlowViz.Storage.Tests.Queries;

/// <summary>
/// From when an answer is complete, against a real query plan: the hourly rollup covers February and March up to
/// an hour ago, raw flows are kept 15 days, so "now − 15 days" is the edge for whatever only raw flows can answer.
/// </summary>
public sealed class AnswerCompletenessTests(PostgresServerFixture server)
{
    private static readonly DateTimeOffset Now = new(2026, 3, 20, 12, 0, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset RawKeptFrom = Now.AddDays(-15);
    private static readonly TimeRange Old = new(new(2026, 2, 10, 0, 0, 0, TimeSpan.Zero), new(2026, 3, 20, 0, 0, 0, TimeSpan.Zero));

    private static CancellationToken Cancellation => TestContext.Current.CancellationToken;

    [Fact]
    public async Task RangeInsideTheRawRetention_IsComplete()
    {
        await using var db = await CoveredAsync();
        var completeness = Completeness(db);
        Assert.Null(await completeness.CompleteFromAsync(new TimeRange(RawKeptFrom, Now), null, Prefix, null, Cancellation));
    }

    [Fact]
    public async Task OldRange_AnsweredByTheRollup_IsComplete()
    {
        await using var db = await CoveredAsync();
        var completeness = Completeness(db);
        Assert.Null(await completeness.CompleteFromAsync(Old, FlowDimension.Protocol, FilterParser.Parse("proto tcp"), null, Cancellation));
        Assert.Null(await completeness.CompleteFromAsync(Old, FlowDimension.SrcAs, null, 3600, Cancellation));
    }

    [Fact]
    public async Task OldRange_OnlyRawFlowsCanAnswer_IsCompleteFromTheRetentionEdge()
    {
        await using var db = await CoveredAsync();
        var completeness = Completeness(db);
        // A prefix (a tenant's prefix scope, ANDed in) is in no rollup; nor is a source address.
        Assert.Equal(RawKeptFrom, await completeness.CompleteFromAsync(Old, FlowDimension.Protocol, Prefix, null, Cancellation));
        Assert.Equal(RawKeptFrom, await completeness.CompleteFromAsync(Old, FlowDimension.SrcAddr, null, 300, Cancellation));
        Assert.Equal(RawKeptFrom, await completeness.CompleteFromAsync(Old, null, new AndFilter(Prefix, FilterParser.Parse("as 64500")), null, Cancellation));
    }

    [Fact]
    public async Task OldRange_WithAnUnalignedStart_IsCompleteFromTheFirstWholeRollupBucket()
    {
        await using var db = await CoveredAsync();
        var completeness = Completeness(db);
        var range = new TimeRange(Old.From.AddMinutes(30), Old.To);
        // [00:30, 01:00) comes from the raw flows (no finer rollup is built here), long gone; the rest from the hourly rollup.
        Assert.Equal(Old.From.AddHours(1), await completeness.CompleteFromAsync(range, null, null, null, Cancellation));
    }

    [Fact]
    public async Task NoRollupBuiltYet_OldRangeIsCompleteFromTheRetentionEdge()
    {
        await using var db = new MigratedDatabaseFixture(server);
        await db.InitializeAsync();
        Assert.Equal(RawKeptFrom, await Completeness(db).CompleteFromAsync(Old, null, null, null, Cancellation));
    }

    private static FilterExpression Prefix { get; } = FilterParser.Parse("src net 198.51.100.0/24");

    private static AnswerCompleteness Completeness(MigratedDatabaseFixture db) => new(
        new TrafficQueries(db.DataSource), Options.Create(new FlowVizStorageOptions { RawRetention = TimeSpan.FromDays(15) }), new FixedTimeProvider(Now));

    private async Task<MigratedDatabaseFixture> CoveredAsync()
    {
        var db = new MigratedDatabaseFixture(server);
        await db.InitializeAsync();
        await using var command = db.DataSource.CreateCommand(
            "INSERT INTO rollup_state (resolution, covered_from, covered_to) VALUES ('1h', $1, $2)");
        command.Parameters.AddWithValue(new DateTimeOffset(2026, 2, 1, 0, 0, 0, TimeSpan.Zero));
        command.Parameters.AddWithValue(Now.AddHours(-1));
        await command.ExecuteNonQueryAsync(Cancellation);
        return db;
    }
}
