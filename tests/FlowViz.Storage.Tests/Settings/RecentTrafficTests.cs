using System.Net;
using FlowViz.Core.Flows;
using FlowViz.Core.Queries;
using FlowViz.Storage.Settings;
using FlowViz.Storage.Tests.Infrastructure;

namespace FlowViz.Storage.Tests.Settings;

/// <summary>The sums behind the settings previews, on raw flows in a real PostgreSQL.</summary>
public sealed class RecentTrafficTests(PostgresServerFixture server) : IAsyncLifetime
{
    private static CancellationToken Cancellation => TestContext.Current.CancellationToken;

    private static readonly DateTime Received = DateTime.UtcNow.AddMinutes(-10);
    private readonly MigratedDatabaseFixture _database = new(server);

    public async ValueTask InitializeAsync()
    {
        await _database.InitializeAsync();
        await _database.CreateWriter().WriteAsync(new FlowRecord[]
        {
            Flow("192.0.2.10", "198.51.100.1", 6, 50000, 443, 1_000, "https", TrafficDirection.Out, sampling: 1),
            Flow("192.0.2.11", "198.51.100.1", 6, 50001, 443, 500, "https", TrafficDirection.Out, sampling: 2),
            Flow("198.51.100.1", "192.0.2.10", 17, 27015, 40000, 300, null, TrafficDirection.In, sampling: 1),
            Flow("203.0.113.5", "203.0.113.6", 6, 1234, 25565, 70, null, TrafficDirection.Internal, sampling: 1),
            Flow("192.0.2.10", "198.51.100.1", 6, 50000, 443, 9_999, "https", TrafficDirection.Out, sampling: 1, received: Received.AddHours(-3)),
        }, Cancellation);
    }

    public ValueTask DisposeAsync() => _database.DisposeAsync();

    private static TimeRange LastHour => TimeRange.Last(TimeSpan.FromHours(1), DateTimeOffset.UtcNow);

    [Fact]
    public async Task ByPortsAsync_LastHour_SumsScaledBytesPerProtocolPortsAndApplication()
    {
        var rows = await new RecentTraffic(_database.DataSource).ByPortsAsync(LastHour, Cancellation);

        Assert.Equal(
            [new(6, 1234, 25565, null, 1, 70), new(6, 50000, 443, "https", 1, 1_000), new(6, 50001, 443, "https", 1, 1_000), new(17, 27015, 40000, null, 1, 300)],
            rows.OrderBy(r => r.Protocol).ThenBy(r => r.SrcPort));
    }

    [Fact]
    public async Task ByDirectionAsync_CandidateNetworks_DecidesDirectionFromAddresses()
    {
        var bytes = await new RecentTraffic(_database.DataSource).ByDirectionAsync(LastHour, [IPNetwork.Parse("198.51.100.0/24")], Cancellation);

        Assert.Equal(new Dictionary<TrafficDirection, long>
        {
            [TrafficDirection.Out] = 2_000, [TrafficDirection.In] = 300, [TrafficDirection.Internal] = 70,
        }, bytes.Stored);
        // Seen from 198.51.100.0/24: the https flows come in, the reply to 192.0.2.10 goes out, 203.0.113.x passes through.
        Assert.Equal(new Dictionary<TrafficDirection, long>
        {
            [TrafficDirection.In] = 2_000, [TrafficDirection.Out] = 300, [TrafficDirection.Transit] = 70,
        }, bytes.Candidate);
    }

    private static FlowRecord Flow(string src, string dst, byte protocol, ushort srcPort, ushort dstPort, ulong bytes, string? application,
        TrafficDirection direction, uint sampling, DateTime? received = null) => new()
    {
        TimeReceived = received ?? Received,
        TimeStart = received ?? Received,
        TimeEnd = received ?? Received,
        Exporter = FlowAddress.Parse("192.0.2.1"),
        FlowProtocol = FlowProtocol.NetFlowV9,
        SrcAddr = FlowAddress.Parse(src),
        DstAddr = FlowAddress.Parse(dst),
        Protocol = protocol,
        SrcPort = srcPort,
        DstPort = dstPort,
        Bytes = bytes,
        Packets = 1,
        SamplingRate = sampling,
        Application = application,
        TrafficDirection = direction,
    };
}
