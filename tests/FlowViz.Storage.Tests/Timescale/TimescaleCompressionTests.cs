using FlowViz.Core.Flows;
using FlowViz.Core.Queries;
using FlowViz.Storage.Queries;
using FlowViz.Storage.Tests.Infrastructure;

namespace FlowViz.Storage.Tests.Timescale;

/// <summary>Compressing a chunk keeps its rows and the query service's answers.</summary>
[Collection(TimescaleCollection.Name)]
public sealed class TimescaleCompressionTests(TimescaleServerFixture timescale)
{
    // An hour of its own in the shared database (one chunk), away from the parity tests' flows.
    private static readonly DateTimeOffset Hour = new(2025, 12, 1, 10, 0, 0, TimeSpan.Zero);
    private static readonly TimeRange HourRange = new(Hour, Hour.AddHours(1));

    private static CancellationToken Cancellation => TestContext.Current.CancellationToken;

    [Fact]
    public async Task CompressChunk_HourOfFlows_CompressedAndQueriesUnchanged()
    {
        var flows = Enumerable.Range(0, 12).Select(i => Flow(i)).ToArray();
        await FlowInserts.InsertAsync(timescale.DataSource, flows, Cancellation);
        var queries = new TrafficQueries(timescale.DataSource);
        var top = new TopQuery(HourRange, FlowDimension.Exporter, TrafficMetric.Bytes, 2);
        var series = new SeriesQuery(HourRange, FlowDimension.Exporter, TrafficMetric.Bits, 600, 2);
        var summaryBefore = await queries.SummaryAsync(HourRange, Cancellation);
        var topBefore = QueryResults.Text(await queries.TopAsync(top, Cancellation));
        var seriesBefore = QueryResults.Text(await queries.SeriesAsync(series, Cancellation));

        var compressed = await CompressAsync();

        Assert.Equal(1, compressed);
        Assert.True(await IsCompressedAsync());
        Assert.Equal(new TrafficTotals(12, 12 * 3, Enumerable.Range(0, 12).Sum(i => 1_000L + i)), summaryBefore);
        Assert.Equal(summaryBefore, await queries.SummaryAsync(HourRange, Cancellation));
        Assert.Equal(topBefore, QueryResults.Text(await queries.TopAsync(top, Cancellation)));
        Assert.Equal(seriesBefore, QueryResults.Text(await queries.SeriesAsync(series, Cancellation)));
        var stored = (await FlowRows.ReadAllAsync(timescale.DataSource, Cancellation))
            .Where(flow => flow.TimeReceived >= Hour.UtcDateTime && flow.TimeReceived < Hour.UtcDateTime.AddHours(1));
        Assert.Equal(flows, stored);
    }

    private async Task<int> CompressAsync()
    {
        await using var command = timescale.DataSource.CreateCommand(
            "SELECT count(compress_chunk(c, if_not_compressed => true)) FROM show_chunks('flows', newer_than => $1, older_than => $2) c");
        command.Parameters.Add(new() { Value = Hour.UtcDateTime });
        command.Parameters.Add(new() { Value = Hour.UtcDateTime.AddHours(1) });
        return (int)(long)(await command.ExecuteScalarAsync(Cancellation))!;
    }

    private async Task<bool> IsCompressedAsync()
    {
        await using var command = timescale.DataSource.CreateCommand(
            "SELECT bool_and(is_compressed) FROM timescaledb_information.chunks WHERE hypertable_name = 'flows' AND range_start = $1");
        command.Parameters.Add(new() { Value = Hour.UtcDateTime });
        return (bool)(await command.ExecuteScalarAsync(Cancellation))!;
    }

    // Three exporters, so the segment-by column has several segments; bytes differ so the order is checkable.
    private static FlowRecord Flow(int i)
    {
        var received = Hour.UtcDateTime.AddMinutes(i * 5);
        return new FlowRecord
        {
            TimeReceived = received,
            TimeStart = received.AddSeconds(-2),
            TimeEnd = received,
            Exporter = FlowAddress.Parse($"198.51.100.{i % 3 + 1}"),
            FlowProtocol = FlowProtocol.NetFlowV9,
            SrcAddr = FlowAddress.Parse($"10.2.0.{i}"),
            DstAddr = FlowAddress.Parse("192.0.2.10"),
            SrcPort = (ushort)(50_000 + i),
            DstPort = 443,
            Protocol = 6,
            Bytes = 1_000 + (ulong)i,
            Packets = 3,
            SamplingRate = 1,
        };
    }
}
