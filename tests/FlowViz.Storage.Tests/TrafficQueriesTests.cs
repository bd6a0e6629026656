using FlowViz.Core.Queries;
using FlowViz.Storage.Queries;
using FlowViz.Storage.Tests.Infrastructure;
using static FlowViz.Storage.Tests.Infrastructure.KnownTrafficFixture;

namespace FlowViz.Storage.Tests;

public sealed class TrafficQueriesTests(KnownTrafficFixture traffic) : IClassFixture<KnownTrafficFixture>
{
    private static CancellationToken Cancellation => TestContext.Current.CancellationToken;

    [Fact]
    public async Task SummaryAsync_KnownFlows_SumsWithSamplingApplied()
    {
        var totals = await traffic.Queries.SummaryAsync(KnownRange, Cancellation);

        Assert.Equal(new TrafficTotals(Flows: 5, Packets: 10 + 50 + 2 + 1 + 6, Bytes: 1_000 + 5_000 + 200 + 100 + 600), totals);
    }

    [Fact]
    public async Task SummaryAsync_RangeEdges_StartIncludedEndExcluded()
    {
        var atEnd = await traffic.Queries.SummaryAsync(new TimeRange(T0.AddMinutes(3), T0.AddMinutes(4)), Cancellation);
        var beforeStart = await traffic.Queries.SummaryAsync(new TimeRange(T0.AddMinutes(-1), T0), Cancellation);

        Assert.Equal(new TrafficTotals(1, 7, 7_777), atEnd);
        Assert.Equal(new TrafficTotals(1, 8, 8_888), beforeStart);
    }

    [Fact]
    public async Task SummaryAsync_NoFlows_ReturnsZero()
    {
        var totals = await traffic.Queries.SummaryAsync(new TimeRange(T0.AddDays(-30), T0.AddDays(-29)), Cancellation);

        Assert.Equal(TrafficTotals.Zero, totals);
    }

    [Fact]
    public async Task TopAsync_ProtocolByBytesLimitOne_OtherHoldsTheRest()
    {
        var top = await traffic.Queries.TopAsync(new TopQuery(KnownRange, FlowDimension.Protocol, TrafficMetric.Bytes, 1), Cancellation);

        Assert.Equal([new TopRow("6", "TCP", 2, 60, 6_000)], top.Rows);
        Assert.Equal(new TrafficTotals(3, 9, 900), top.Other);
    }

    [Fact]
    public async Task TopAsync_SourceAddressByPackets_RowsPlusOtherEqualSummary()
    {
        var top = await traffic.Queries.TopAsync(new TopQuery(KnownRange, FlowDimension.SrcAddr, TrafficMetric.Packets, 2), Cancellation);
        var summary = await traffic.Queries.SummaryAsync(KnownRange, Cancellation);

        Assert.Equal([new TopRow("10.0.0.2", "10.0.0.2", 1, 50, 5_000), new TopRow("10.0.0.1", "10.0.0.1", 2, 12, 1_200)], top.Rows);
        Assert.Equal(new TrafficTotals(2, 7, 700), top.Other);
        Assert.Equal(summary, new TrafficTotals(
            top.Rows.Sum(r => r.Flows) + top.Other.Flows, top.Rows.Sum(r => r.Packets) + top.Other.Packets, top.Rows.Sum(r => r.Bytes) + top.Other.Bytes));
    }

    [Fact]
    public async Task TopAsync_ExporterMissingOnSomeFlows_ReportsNoneRow()
    {
        var top = await traffic.Queries.TopAsync(new TopQuery(KnownRange, FlowDimension.Exporter, TrafficMetric.Flows, 10), Cancellation);

        Assert.Equal(
            [new TopRow("198.51.100.1", "198.51.100.1", 4, 63, 6_300), new TopRow(TrafficQueries.NoneKey, TrafficQueries.NoneLabel, 1, 6, 600)],
            top.Rows);
        Assert.Equal(TrafficTotals.Zero, top.Other);
    }

    [Fact]
    public async Task TopAsync_DestinationPortByFlows_KeysAreNumbers()
    {
        var top = await traffic.Queries.TopAsync(new TopQuery(KnownRange, FlowDimension.DstPort, TrafficMetric.Flows, 1), Cancellation);

        Assert.Equal([new TopRow("443", "443", 2, 60, 6_000)], top.Rows);
    }

    [Fact]
    public async Task SeriesAsync_ProtocolBitsTopOne_RatesAreSumsPerStepWithOther()
    {
        var result = await traffic.Queries.SeriesAsync(new SeriesQuery(KnownRange, FlowDimension.Protocol, TrafficMetric.Bits, 60, 1), Cancellation);

        var t0 = T0.ToUnixTimeSeconds();
        Assert.Equal(60, result.StepSeconds);
        Assert.Equal(2, result.Series.Count);
        Assert.Equal(("6", "TCP"), (result.Series[0].Key, result.Series[0].Label));
        Assert.Equal([new(t0, 6_000 * 8 / 60.0), new(t0 + 60, 0), new(t0 + 120, 0)], result.Series[0].Points);
        Assert.Equal((TrafficSeries.OtherKey, "Other"), (result.Series[1].Key, result.Series[1].Label));
        Assert.Equal([new(t0, 0), new(t0 + 60, 200 * 8 / 60.0), new(t0 + 120, 700 * 8 / 60.0)], result.Series[1].Points);
    }

    [Fact]
    public async Task SeriesAsync_FlowsWithLargeLimit_RankedSeriesWithoutOther()
    {
        var result = await traffic.Queries.SeriesAsync(new SeriesQuery(KnownRange, FlowDimension.Protocol, TrafficMetric.Flows, 60, 10), Cancellation);

        Assert.Equal(["6", "17", "58"], result.Series.Select(s => s.Key));
        Assert.Equal([2 / 60.0, 0, 0], result.Series[0].Points.Select(p => p.Rate));
        Assert.Equal([0, 1 / 60.0, 1 / 60.0], result.Series[1].Points.Select(p => p.Rate));
        Assert.Equal([0, 0, 1 / 60.0], result.Series[2].Points.Select(p => p.Rate));
    }

    [Fact]
    public async Task SeriesAsync_UnalignedRangeWithGaps_BucketsAlignedToStepAndZeroFilled()
    {
        var range = new TimeRange(T0.AddSeconds(-95), T0.AddSeconds(250));

        var result = await traffic.Queries.SeriesAsync(new SeriesQuery(range, FlowDimension.Protocol, TrafficMetric.Packets, 60, 0), Cancellation);

        var t0 = T0.ToUnixTimeSeconds();
        var other = Assert.Single(result.Series);
        Assert.Equal(TrafficSeries.OtherKey, other.Key);
        Assert.Equal(Enumerable.Range(-2, 7).Select(i => t0 + i * 60), other.Points.Select(p => p.UnixSeconds));
        Assert.Equal([0, 8 / 60.0, 60 / 60.0, 2 / 60.0, 7 / 60.0, 7 / 60.0, 0], other.Points.Select(p => p.Rate));
    }

    [Fact]
    public async Task SeriesAsync_EmptyRange_ReturnsNoSeries()
    {
        var result = await traffic.Queries.SeriesAsync(
            new SeriesQuery(new TimeRange(T0.AddDays(-30), T0.AddDays(-29)), FlowDimension.SrcAddr, TrafficMetric.Bytes, 3_600, 5), Cancellation);

        Assert.Empty(result.Series);
    }

    [Fact]
    public async Task SeriesAsync_TooManyBuckets_Throws()
    {
        var query = new SeriesQuery(new TimeRange(T0.AddDays(-365), T0), FlowDimension.Protocol, TrafficMetric.Bytes, 1, 5);

        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => traffic.Queries.SeriesAsync(query, Cancellation));
    }
}
