using FlowViz.Core.Flows;
using FlowViz.Core.Queries;
using FlowViz.Storage.Queries;
using FlowViz.Storage.Tests.Infrastructure;

namespace FlowViz.Storage.Tests;

/// <summary>Raw retention on plain PostgreSQL: whole daily partitions go, nothing else is touched.</summary>
public sealed class PartitionRetentionTests(MigratedDatabaseFixture database) : IClassFixture<MigratedDatabaseFixture>
{
    // Far from the other tests' days, in a database of this class's own.
    private static readonly DateTimeOffset Now = new(2050, 3, 20, 10, 30, 0, TimeSpan.Zero);

    private static CancellationToken Cancellation => TestContext.Current.CancellationToken;

    [Fact]
    public async Task DropExpiredPartitionsAsync_DaysOlderThanRetention_DroppedOthersKeptWithTheirRows()
    {
        var maintainer = database.CreateMaintainer(new FixedTimeProvider(Now), rawRetention: TimeSpan.FromDays(2));
        await maintainer.EnsurePartitionsAsync(Now.AddDays(-5), Now.AddDays(2), Cancellation);
        // One flow per day from 5 days ago (Mar 15) to 2 days ahead (Mar 22), at this time of day.
        var flows = Enumerable.Range(-5, 8).Select(day => Flow(Now.AddDays(day), bytes: 100 + (ulong)day)).ToArray();
        await FlowInserts.InsertAsync(database.DataSource, flows, Cancellation);

        var dropped = await maintainer.DropExpiredPartitionsAsync(Cancellation);
        var again = await maintainer.DropExpiredPartitionsAsync(Cancellation);

        // now − 2 days = Mar 18 10:30: Mar 15, 16 and 17 end before it; Mar 18 ends after it, so it stays whole.
        Assert.Equal(["flows_p20500315", "flows_p20500316", "flows_p20500317"], dropped);
        Assert.Empty(again);
        Assert.Equal(flows.Skip(3).ToList(), (await FlowRows.ReadAllAsync(database.DataSource, Cancellation))
            .Where(flow => flow.TimeReceived.Year == 2050).ToList());
    }

    [Fact]
    public async Task DropExpiredPartitionsAsync_RetentionShorterThanADay_KeepsYesterdayTodayAndFuture()
    {
        var now = new DateTimeOffset(2051, 7, 1, 23, 0, 0, TimeSpan.Zero);
        var maintainer = database.CreateMaintainer(new FixedTimeProvider(now), rawRetention: TimeSpan.FromHours(1));
        await maintainer.EnsurePartitionsAsync(now.AddDays(-2), now.AddDays(1), Cancellation);
        await FlowInserts.InsertAsync(
            database.DataSource, [Flow(now.AddDays(-2), bytes: 1), Flow(now.AddDays(-1), bytes: 2), Flow(now, bytes: 4), Flow(now.AddHours(2), bytes: 8)], Cancellation);

        var dropped = await maintainer.DropExpiredPartitionsAsync(Cancellation);

        // Filtered: run after the other test, this one also drops that test's remaining (older) days.
        Assert.Equal(["flows_p20510629"], dropped.Where(name => name.StartsWith("flows_p2051", StringComparison.Ordinal)));
        var kept = await new TrafficQueries(database.DataSource).SummaryAsync(new TimeRange(now.AddDays(-3), now.AddDays(2)), Cancellation);
        Assert.Equal(new TrafficTotals(3, 3, 2 + 4 + 8), kept);
    }

    private static FlowRecord Flow(DateTimeOffset received, ulong bytes) => new()
    {
        TimeReceived = received.UtcDateTime,
        TimeStart = received.UtcDateTime,
        TimeEnd = received.UtcDateTime,
        Exporter = FlowAddress.Parse("198.51.100.7"),
        FlowProtocol = FlowProtocol.NetFlowV9,
        SrcAddr = FlowAddress.Parse("10.1.0.1"),
        DstAddr = FlowAddress.Parse("10.1.0.2"),
        Protocol = 6,
        Bytes = bytes,
        Packets = 1,
        SamplingRate = 1,
    };
}
