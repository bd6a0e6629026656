using FlowViz.Core.Flows;
using FlowViz.Core.Queries;
using FlowViz.Storage.Queries;
using FlowViz.Storage.Tests.Infrastructure;
using Microsoft.Extensions.Options;

namespace FlowViz.Storage.Tests.Queries;

/// <summary>
/// The source / destination prefix dimensions over real PostgreSQL: the address masked by the flow's own mask, "none"
/// for a flow without a usable mask (0, or longer than its family allows) or without the address; read from the raw
/// flows only, so an old range says from when it is complete; and the per-AS prefix view built from them.
/// </summary>
public sealed class PrefixDimensionTests(PostgresServerFixture server)
{
    private static readonly DateTimeOffset T0 = new(2026, 3, 20, 10, 0, 0, TimeSpan.Zero);
    private static readonly TimeRange Range = new(T0, T0.AddHours(1));

    private static CancellationToken Cancellation => TestContext.Current.CancellationToken;

    // (source, mask, bytes, sampling rate): sources of AS 64500 flowing in.
    private static readonly (string? Address, byte Mask, ulong Bytes, uint Sampling)[] Sources =
    [
        ("192.0.2.77", 24, 1_000, 1),
        ("192.0.2.200", 24, 500, 10),           // same /24: 1,000 + 5,000
        ("192.0.2.5", 25, 700, 1),              // a more specific prefix is its own row
        ("2001:db8:1234:5678::1", 48, 900, 1),
        ("203.0.113.1", 32, 300, 1),            // a host route stays a /32
        ("198.51.100.9", 0, 111, 1),            // no mask: none
        ("198.51.100.10", 33, 222, 1),          // longer than IPv4 allows: none
        (null, 24, 333, 1),                     // no address: none
    ];

    [Fact]
    public async Task TopAsync_BySrcPrefix_AddressMaskedByItsOwnMaskAndNoneWithoutAUsableMask()
    {
        await using var db = await DatabaseWithAsync(Sources.Select((s, i) => Flow(i, s.Address, s.Mask, "10.0.0.1", 24, s.Bytes, s.Sampling)));

        var top = await new TrafficQueries(db.DataSource).TopAsync(new TopQuery(Range, FlowDimension.SrcPrefix, TrafficMetric.Bytes, 10), Cancellation);

        Assert.Equal(
            [("192.0.2.0/24", 6_000L), ("2001:db8:1234::/48", 900L), ("192.0.2.0/25", 700L), ("none", 666L), ("203.0.113.1/32", 300L)],
            top.Rows.Select(row => (row.Key, row.Bytes)));
        Assert.Equal("192.0.2.0/24", top.Rows[0].Label);
        Assert.Equal(TrafficTotals.Zero, top.Other);
    }

    [Fact]
    public async Task TopAsync_ByDstPrefix_UsesTheDestinationMask()
    {
        await using var db = await DatabaseWithAsync([Flow(0, "10.9.9.9", 8, "198.51.100.77", 26, 400, 1), Flow(1, "10.9.9.9", 8, "198.51.100.70", 0, 100, 1)]);

        var top = await new TrafficQueries(db.DataSource).TopAsync(new TopQuery(Range, FlowDimension.DstPrefix, TrafficMetric.Bytes, 10), Cancellation);

        Assert.Equal([("198.51.100.64/26", 400L), ("none", 100L)], top.Rows.Select(row => (row.Key, row.Bytes)));
    }

    [Fact]
    public async Task Plan_PrefixDimension_RawFlowsOnlyAndCompleteFromTheRetentionEdgeForAnOldRange()
    {
        await using var db = await DatabaseWithAsync([]);
        var now = T0.AddDays(40);
        await using (var command = db.DataSource.CreateCommand("INSERT INTO rollup_state (resolution, covered_from, covered_to) VALUES ('1h', $1, $2)"))
        {
            command.Parameters.AddWithValue(T0.AddDays(-10));
            command.Parameters.AddWithValue(now.AddHours(-1));
            await command.ExecuteNonQueryAsync(Cancellation);
        }
        var queries = new TrafficQueries(db.DataSource);
        var old = new TimeRange(T0, now.AddDays(-1));
        var completeness = new AnswerCompleteness(queries, Options.Create(new FlowVizStorageOptions { RawRetention = TimeSpan.FromDays(15) }), new FixedTimeProvider(now));

        Assert.All(await queries.PlanAsync(old, FlowDimension.SrcPrefix, null, null, Cancellation), segment => Assert.True(segment.Source.IsRaw));
        Assert.Contains(await queries.PlanAsync(old, FlowDimension.SrcAs, null, null, Cancellation), segment => !segment.Source.IsRaw);
        Assert.Equal(now.AddDays(-15), await completeness.CompleteFromAsync(old, FlowDimension.SrcPrefix, null, null, Cancellation));
        Assert.Equal(now.AddDays(-15), await completeness.CompleteFromAsync(old, FlowDimension.DstPrefix, null, null, Cancellation));
        Assert.Null(await completeness.CompleteFromAsync(old, FlowDimension.SrcAs, null, null, Cancellation));
    }

    [Fact]
    public async Task AsPrefixes_InFromSourcePrefixesOutToDestinationPrefixes_MergedPerPrefix()
    {
        await using var db = await DatabaseWithAsync(
        [
            Flow(0, "192.0.2.77", 24, "10.0.0.1", 16, 1_000, 1, srcAs: 64500),   // in: 192.0.2.0/24
            Flow(1, "10.0.0.1", 16, "192.0.2.9", 24, 400, 1, dstAs: 64500),      // out: the same /24
            Flow(2, "10.0.0.1", 16, "198.51.100.1", 24, 300, 1, dstAs: 64500),   // out only
            Flow(3, "203.0.113.5", 24, "10.0.0.1", 16, 9_999, 1, srcAs: 64501),  // another AS: not counted
        ]);

        var table = await AsPrefixes.QueryAsync(new TrafficQueries(db.DataSource), 64500, Range, TrafficMetric.Bytes, 10, null, Cancellation);

        Assert.Equal(
            [("192.0.2.0/24", 1_000L, 400L), ("198.51.100.0/24", 0L, 300L)],
            table.Rows.Select(row => (row.Key, row.In!.Bytes, row.Out!.Bytes)));
        Assert.Equal(1_400.0 / 1_700, table.ShareOf(table.Rows[0]), 9);
        Assert.Equal((1_000L, 700L), (table.TotalIn.Bytes, table.TotalOut.Bytes));
    }

    private static FlowRecord Flow(int i, string? src, byte srcMask, string? dst, byte dstMask, ulong bytes, uint sampling, uint srcAs = 0, uint dstAs = 0)
    {
        var received = T0.UtcDateTime.AddSeconds(10 + i);
        return new FlowRecord
        {
            TimeReceived = received,
            TimeStart = received.AddSeconds(-1),
            TimeEnd = received,
            Exporter = FlowAddress.Parse("198.51.100.254"),
            FlowProtocol = FlowProtocol.NetFlowV9,
            SrcAddr = src is null ? FlowAddress.None : FlowAddress.Parse(src),
            DstAddr = dst is null ? FlowAddress.None : FlowAddress.Parse(dst),
            SrcMask = srcMask,
            DstMask = dstMask,
            Protocol = 6,
            Bytes = bytes,
            Packets = 1,
            SamplingRate = sampling,
            SrcAs = srcAs,
            DstAs = dstAs,
            TrafficDirection = TrafficDirection.In,
        };
    }

    private async Task<MigratedDatabaseFixture> DatabaseWithAsync(IEnumerable<FlowRecord> flows)
    {
        var db = new MigratedDatabaseFixture(server);
        await db.InitializeAsync();
        await db.CreateMaintainer().EnsurePartitionsAsync(T0.AddDays(-1), T0.AddDays(1), Cancellation);
        await db.CreateWriter().WriteAsync(flows.ToArray(), Cancellation);
        return db;
    }
}
