using System.Net;
using FlowViz.Core.Counters;
using FlowViz.Core.Flows;
using FlowViz.Core.Queries;
using FlowViz.Storage.Counters;
using FlowViz.Storage.Tests.Infrastructure;

namespace FlowViz.Storage.Tests.Counters;

/// <summary>Rates from known counter rows written by the real writer: resets skipped, sub-agents kept apart, 64-bit values.</summary>
public sealed class InterfaceCounterQueriesTests(MigratedDatabaseFixture database) : IClassFixture<MigratedDatabaseFixture>, IAsyncLifetime
{
    private static readonly DateTime T0 = new(2026, 11, 23, 8, 0, 0, DateTimeKind.Utc);
    private static readonly TimeRange Range = new(T0, T0.AddMinutes(5));

    private static CancellationToken Cancellation => TestContext.Current.CancellationToken;

    private InterfaceCounterQueries Queries => new(database.DataSource);

    public async ValueTask InitializeAsync()
    {
        await using (var clear = database.DataSource.CreateCommand("DELETE FROM interface_counters"))
        {
            await clear.ExecuteNonQueryAsync(Cancellation);
        }
        await new InterfaceCounterWriter(database.DataSource).WriteAsync(
        [
            // Before the range: not paired with the first poll inside it.
            Poll("192.0.2.9", 0, 3, T0.AddSeconds(-20), 0, 0, 1_000_000),
            Poll("192.0.2.9", 0, 3, T0, 1_000, 5_000, 1_000_000),
            // Another sub-agent's ifIndex 3 between the polls: paired with sub-agent 0's polls it would read as a
            // burst and a reset; it has no pair of its own here, so it adds nothing.
            Poll("192.0.2.9", 1, 3, T0.AddSeconds(5), 900_000_000, 900_000_000, 1_000_000),
            Poll("192.0.2.9", 0, 3, T0.AddSeconds(20), 26_000, 55_000, 1_000_000), // +25 000 / +50 000 in 20 s
            Poll("192.0.2.9", 0, 3, T0.AddSeconds(50), 100, 200, 1_000_000),       // restarted: pair skipped
            Poll("192.0.2.9", 0, 3, T0.AddSeconds(60), 25_100, 2_700, 2_000_000),  // +25 000 / +2 500 in 10 s; new speed
            // 64-bit counters near their top; a fall from the top is read as a reset, not a wrap.
            Poll("2001:db8::1", 0, 7, T0.AddSeconds(30), ulong.MaxValue - 1_000_000, ulong.MaxValue - 2_000_000, 100_000_000_000),
            Poll("2001:db8::1", 0, 7, T0.AddSeconds(60), ulong.MaxValue, ulong.MaxValue, 100_000_000_000),
            Poll("2001:db8::1", 0, 7, T0.AddSeconds(90), 10, 10, 100_000_000_000),
            // One poll only: no pair, no rates. And one at the range's end, which is outside it.
            Poll("192.0.2.10", 0, 1, T0.AddSeconds(30), 0, 0, 10_000_000),
            Poll("192.0.2.10", 0, 1, T0.AddMinutes(5), 1_000_000, 1_000_000, 10_000_000),
        ], Cancellation);
    }

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;

    [Fact]
    public async Task Rates_KnownPolls_AverageOverUsablePairsSkippingResets()
    {
        var rates = await Queries.RatesAsync(Range, Cancellation);

        Assert.Equal(["192.0.2.9/3", "2001:db8::1/7"], rates.Select(r => r.Key));
        var first = rates[0];
        // (25 000 + 25 000) bytes × 8 over 30 s; (50 000 + 2 500) × 8 over 30 s; peaks 20 000 and 20 000 bit/s.
        Assert.Equal(400_000 / 30.0, first.InAverageBps, 9);
        Assert.Equal(420_000 / 30.0, first.OutAverageBps, 9);
        Assert.Equal(20_000, first.InPeakBps, 9);
        Assert.Equal(20_000, first.OutPeakBps, 9);
        Assert.Equal(2_000_000, first.SpeedBps);
        Assert.Equal(1, first.Resets);
        var big = rates.Single(r => r.Key == "2001:db8::1/7");
        Assert.Equal((1_000_000 * 8 / 30.0, 2_000_000 * 8 / 30.0, 1, 1), (big.InAverageBps, big.OutAverageBps, big.Intervals, big.Resets));
        Assert.Equal(100_000_000_000, big.SpeedBps);
    }

    [Fact]
    public async Task Series_OneInterface_BucketsByTheLaterPollOfEachUsablePair()
    {
        var points = await Queries.SeriesAsync(IPAddress.Parse("192.0.2.9"), 3, Range, 60, Cancellation);

        var minute = new DateTimeOffset(T0).ToUnixTimeSeconds();
        Assert.Equal(
            [new InterfaceCounterPoint(minute, 10_000, 20_000), new InterfaceCounterPoint(minute + 60, 20_000, 2_000)],
            points);
    }

    [Fact]
    public async Task Series_MappedAddressOrUnknownInterface_SameAsPlainOrEmpty()
    {
        var mapped = await Queries.SeriesAsync(IPAddress.Parse("::ffff:192.0.2.9"), 3, Range, 300, Cancellation);
        var unknown = await Queries.SeriesAsync(IPAddress.Parse("192.0.2.9"), 4, Range, 300, Cancellation);

        // One 5-minute bucket: both usable pairs of sub-agent 0 (sub-agent 1 has one poll here).
        var point = Assert.Single(mapped);
        Assert.Equal(new DateTimeOffset(T0).ToUnixTimeSeconds(), point.UnixSeconds);
        Assert.Equal(400_000 / 30.0, point.InBps, 9);
        Assert.Equal(420_000 / 30.0, point.OutBps, 9);
        Assert.Empty(unknown);
    }

    private static InterfaceCounterRecord Poll(string exporter, uint subAgent, uint ifIndex, DateTime time, ulong inOctets, ulong outOctets, ulong speed) => new()
    {
        TimeReceived = time,
        Exporter = FlowAddress.Parse(exporter),
        ObservationDomainId = subAgent,
        IfIndex = ifIndex,
        IfType = 6,
        IfSpeed = speed,
        IfDirection = 1,
        IfStatus = 3,
        InOctets = inOctets,
        OutOctets = outOctets,
    };
}
