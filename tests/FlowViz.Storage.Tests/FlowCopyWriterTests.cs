using FlowViz.Core.Flows;
using FlowViz.Storage.Tests.Infrastructure;

namespace FlowViz.Storage.Tests;

public sealed class FlowCopyWriterTests(MigratedDatabaseFixture database) : IClassFixture<MigratedDatabaseFixture>, IAsyncLifetime
{
    private static readonly DateTime Received = new(2026, 3, 1, 12, 0, 0, DateTimeKind.Utc);

    private static CancellationToken Cancellation => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync()
    {
        // The tests of this class share one database; each starts from an empty flows table.
        await using var command = database.DataSource.CreateCommand("TRUNCATE flows");
        await command.ExecuteNonQueryAsync(Cancellation);
    }

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;

    [Fact]
    public async Task WriteAsync_EveryColumnAtItsLimits_ReadsBackEqual()
    {
        FlowRecord[] flows =
        [
            new()
            {
                TimeReceived = Received,
                TimeStart = Received.AddSeconds(-30.123456),
                TimeEnd = Received.AddSeconds(-0.5),
                Exporter = FlowAddress.Parse("198.51.100.7"),
                ObservationDomainId = uint.MaxValue,
                FlowProtocol = FlowProtocol.Ipfix,
                SrcAddr = FlowAddress.Parse("192.0.2.1"),
                DstAddr = FlowAddress.Parse("2001:db8::ff00:42:8329"),
                NextHop = FlowAddress.None,
                SrcPort = ushort.MaxValue,
                DstPort = 443,
                Protocol = byte.MaxValue,
                TcpFlags = 0x1b,
                Tos = 0xb8,
                InputInterface = uint.MaxValue,
                OutputInterface = 3,
                Bytes = long.MaxValue,
                Packets = uint.MaxValue + 1UL,
                SamplingRate = uint.MaxValue,
                SrcAs = uint.MaxValue,
                DstAs = 64_496,
                SrcMask = 32,
                DstMask = 128,
                SrcVlan = ushort.MaxValue,
                DstVlan = 4094,
                Direction = FlowDirection.Egress,
                SrcMac = 0xFFFF_FFFF_FFFF,
                DstMac = 0x0200_5E10_0001,
                MplsLabel = 0xF_FFFF,
            },
            new()
            {
                TimeReceived = Received.AddSeconds(1),
                TimeStart = Received,
                TimeEnd = Received,
                Exporter = FlowAddress.Parse("2001:db8::1"),
                FlowProtocol = FlowProtocol.NetFlowV5,
                SrcAddr = FlowAddress.None,
                DstAddr = FlowAddress.None,
                NextHop = FlowAddress.Parse("::1"),
                Bytes = 1,
                Packets = 1,
                SamplingRate = 1,
                Direction = FlowDirection.Unknown,
            },
        ];

        await database.CreateWriter().WriteAsync(flows, Cancellation);

        Assert.Equal(flows, await FlowRows.ReadAllAsync(database.DataSource, Cancellation));
    }

    [Fact]
    public async Task WriteAsync_TimeWithoutPartition_CreatesPartitionAndWritesBatch()
    {
        var old = new DateTime(2001, 9, 9, 1, 46, 40, DateTimeKind.Utc);
        FlowRecord[] flows =
        [
            new() { TimeReceived = Received, TimeStart = Received, TimeEnd = Received, Bytes = 1, SamplingRate = 1 },
            new() { TimeReceived = old, TimeStart = old, TimeEnd = old, Bytes = 2, SamplingRate = 1 },
        ];

        await database.CreateWriter().WriteAsync(flows, Cancellation);

        Assert.Equal([old, Received], (await FlowRows.ReadAllAsync(database.DataSource, Cancellation)).Select(f => f.TimeReceived));
        await using var command = database.DataSource.CreateCommand("SELECT to_regclass('flows_p20010909') IS NOT NULL");
        Assert.True((bool)(await command.ExecuteScalarAsync(Cancellation))!);
    }

    [Fact]
    public async Task WriteAsync_EmptyBatch_WritesNothing()
    {
        await database.CreateWriter().WriteAsync(ReadOnlyMemory<FlowRecord>.Empty, Cancellation);

        Assert.Empty(await FlowRows.ReadAllAsync(database.DataSource, Cancellation));
    }
}
