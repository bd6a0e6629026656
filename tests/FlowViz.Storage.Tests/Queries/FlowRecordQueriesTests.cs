using FlowViz.Core.Filtering;
using FlowViz.Core.Flows;
using FlowViz.Core.Queries;
using FlowViz.Storage.Queries;
using FlowViz.Storage.Tests.Infrastructure;

namespace FlowViz.Storage.Tests.Queries;

/// <summary>Paging the raw flows: every stored row exactly once, in order, however the rows tie and whatever arrives meanwhile.</summary>
public sealed class FlowRecordQueriesTests(PostgresServerFixture server)
{
    private static readonly DateTime T0 = new(2026, 3, 2, 12, 0, 0, DateTimeKind.Utc);
    private static readonly TimeRange Range = new(new DateTimeOffset(T0), new DateTimeOffset(T0.AddHours(1)));

    private static CancellationToken Cancellation => TestContext.Current.CancellationToken;

    // 40 flows over 8 instants (5 per datagram time: ties on time_received), bytes repeating, and 3 identical copies of one row.
    private static FlowRecord[] Stored { get; } =
    [
        .. Enumerable.Range(0, 40).Select(i => Flow(T0.AddSeconds(i / 5 * 7), port: (ushort)(1000 + i), bytes: (ulong)(100 * (i % 4)))),
        Flow(T0.AddSeconds(7), 9, 555), Flow(T0.AddSeconds(7), 9, 555), Flow(T0.AddSeconds(7), 9, 555),
        Flow(T0.AddHours(1), 1, 1), // at the range's end: outside
    ];

    [Theory]
    [InlineData("time_received", true, 1)]
    [InlineData("time_received", true, 4)]
    [InlineData("time_received", false, 7)]
    [InlineData("bytes", true, 3)]
    [InlineData("bytes", false, 2)]
    [InlineData("dst_port", true, 10_000)]
    public async Task PageAsync_AllPages_EveryRowOnceInOrder(string sort, bool descending, int limit)
    {
        await using var db = await SeededAsync();
        var queries = new FlowRecordQueries(db.DataSource);

        var pages = await AllPagesAsync(queries, new FlowListQuery(Range, SortBy: sort, Descending: descending, Limit: limit));

        var expected = Stored.Where(f => f.TimeReceived < T0.AddHours(1)).ToList();
        var got = pages.SelectMany(p => p).ToList();
        Assert.Equal(Counts(expected), Counts(got));
        Assert.All(pages.SkipLast(1), page => Assert.Equal(limit, page.Count));
        var keys = got.Select(f => (Sort: SortValue(f, sort), f.TimeReceived)).ToList();
        var ordered = descending
            ? keys.OrderByDescending(k => k.Sort).ThenByDescending(k => k.TimeReceived)
            : keys.OrderBy(k => k.Sort).ThenBy(k => k.TimeReceived);
        Assert.Equal(ordered, keys);
    }

    [Fact]
    public async Task PageAsync_FlowsArriveBetweenPages_StoredRowsStillExactlyOnce()
    {
        await using var db = await SeededAsync();
        var queries = new FlowRecordQueries(db.DataSource);
        var query = new FlowListQuery(Range, Limit: 4);
        var got = new List<FlowRecord>();
        var arrivals = 0;
        for (var page = await queries.PageAsync(query, Cancellation); ; page = await queries.PageAsync(query, Cancellation))
        {
            got.AddRange(page.Flows);
            if (page.Next is null)
            {
                break;
            }
            query = query with { After = page.Next };
            Assert.True(arrivals < 100, "paging does not end");
            // New rows at the newest instant (already passed), tied with the cursor's instant, and inside the range still ahead.
            var last = page.Flows[^1].TimeReceived;
            FlowRecord[] arriving = [Flow(T0.AddSeconds(49), 6, 6), Flow(last, 7, 7), Flow(T0.AddMilliseconds(1), 8, 8)];
            await db.CreateWriter().WriteAsync(arriving, Cancellation);
            arrivals++;
        }

        // The rows written between pages are told apart by their source port (6, 7, 8).
        Assert.Equal(Counts(Stored.Where(f => f.TimeReceived < T0.AddHours(1))), Counts(got.Where(f => f.SrcPort is not (6 or 7 or 8))));
        Assert.True(arrivals > 5);
    }

    [Fact]
    public async Task StreamAsync_WithFilter_EqualsFilteredRowsInOrder()
    {
        await using var db = await SeededAsync();
        var queries = new FlowRecordQueries(db.DataSource);

        var streamed = new List<FlowRecord>();
        await foreach (var flow in queries.StreamAsync(new FlowListQuery(Range, FilterParser.Parse("bytes > 100"), Limit: null), Cancellation))
        {
            streamed.Add(flow);
        }

        Assert.Equal(Counts(Stored.Where(f => f.Bytes > 100 && f.TimeReceived < T0.AddHours(1))), Counts(streamed));
        Assert.Equal(streamed.Select(f => f.TimeReceived).OrderDescending(), streamed.Select(f => f.TimeReceived));
    }

    [Fact]
    public async Task PageAsync_UnknownSortColumn_Throws()
    {
        await using var db = await SeededAsync();

        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() =>
            new FlowRecordQueries(db.DataSource).PageAsync(new FlowListQuery(Range, SortBy: "bytes; drop table flows"), Cancellation));
    }

    private async Task<MigratedDatabaseFixture> SeededAsync()
    {
        var db = new MigratedDatabaseFixture(server);
        await db.InitializeAsync();
        await db.CreateWriter().WriteAsync(Stored, Cancellation);
        return db;
    }

    private static async Task<List<List<FlowRecord>>> AllPagesAsync(FlowRecordQueries queries, FlowListQuery query)
    {
        var pages = new List<List<FlowRecord>>();
        while (true)
        {
            var page = await queries.PageAsync(query, Cancellation);
            pages.Add([.. page.Flows]);
            Assert.True(pages.Count < 100, "paging does not end");
            if (page.Next is null)
            {
                return pages;
            }
            query = query with { After = page.Next };
        }
    }

    private static Dictionary<FlowRecord, int> Counts(IEnumerable<FlowRecord> flows) =>
        flows.GroupBy(f => f).ToDictionary(g => g.Key, g => g.Count());

    private static long SortValue(FlowRecord flow, string sort) => sort switch
    {
        "time_received" => flow.TimeReceived.Ticks,
        "bytes" => (long)flow.Bytes,
        "dst_port" => flow.DstPort,
        _ => throw new ArgumentOutOfRangeException(nameof(sort)),
    };

    private static FlowRecord Flow(DateTime received, ushort port, ulong bytes) => new()
    {
        TimeReceived = received,
        TimeStart = received,
        TimeEnd = received,
        Exporter = FlowAddress.Parse("192.0.2.1"),
        FlowProtocol = FlowProtocol.NetFlowV9,
        SrcAddr = FlowAddress.Parse("203.0.113.1"),
        DstAddr = FlowAddress.Parse("192.0.2.77"),
        SrcPort = port,
        DstPort = (ushort)(port % 3),
        Protocol = 17,
        Bytes = bytes,
        Packets = 1,
        SamplingRate = 1,
    };
}
