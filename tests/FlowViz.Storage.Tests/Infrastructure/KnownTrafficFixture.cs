using FlowViz.Core.Flows;
using FlowViz.Core.Queries;
using FlowViz.Storage.Queries;

namespace FlowViz.Storage.Tests.Infrastructure;

/// <summary>
/// A database holding a handful of flows whose totals are worked out by hand in the comments, around
/// <see cref="T0"/> (a whole minute). <see cref="KnownRange"/> = [T0, T0 + 3 min) holds flows a–e; f sits exactly on its
/// end and g a millisecond before its start, so both must stay outside.
/// </summary>
public sealed class KnownTrafficFixture(PostgresServerFixture server) : IAsyncLifetime
{
    public static readonly DateTimeOffset T0 = new(2026, 1, 5, 10, 0, 0, TimeSpan.Zero);

    public static readonly TimeRange KnownRange = new(T0, T0.AddMinutes(3));

    private readonly MigratedDatabaseFixture _database = new(server);

    /// <summary>Flows a–g; the TimescaleDB tests insert the same ones.</summary>
    public static FlowRecord[] Flows { get; } =
    [
        // a: TCP, 1000 B, 10 pkts, unsampled
        Flow(0, 6, "10.0.0.1", 443, bytes: 1_000, packets: 10, sampling: 1, exporter: "198.51.100.1"),
        // b: TCP, 1 in 10 sampled: 5000 B, 50 pkts
        Flow(30, 6, "10.0.0.2", 443, bytes: 500, packets: 5, sampling: 10, exporter: "198.51.100.1"),
        // c: UDP, 200 B, 2 pkts
        Flow(60, 17, "10.0.0.1", 53, bytes: 200, packets: 2, sampling: 1, exporter: "198.51.100.1"),
        // d: ICMPv6 over IPv6, sampling rate 0 counts as 1: 100 B, 1 pkt
        Flow(125, 58, "2001:db8::1", 0, bytes: 100, packets: 1, sampling: 0, exporter: "198.51.100.1"),
        // e: UDP, 1 in 2: 600 B, 6 pkts; no exporter address
        Flow(179.999, 17, "10.0.0.3", 123, bytes: 300, packets: 3, sampling: 2, exporter: null),
        // f: exactly at the range's end: outside
        Flow(180, 6, "10.0.0.9", 80, bytes: 7_777, packets: 7, sampling: 1, exporter: "198.51.100.1"),
        // g: just before the range's start: outside
        Flow(-0.001, 6, "10.0.0.9", 80, bytes: 8_888, packets: 8, sampling: 1, exporter: "198.51.100.1"),
    ];

    public TrafficQueries Queries => new(_database.DataSource);

    public async ValueTask InitializeAsync()
    {
        await _database.InitializeAsync();
        await _database.CreateWriter().WriteAsync(Flows, TestContext.Current.CancellationToken);
    }

    public ValueTask DisposeAsync() => _database.DisposeAsync();

    private static FlowRecord Flow(
        double secondsAfterT0, byte protocol, string source, ushort dstPort, ulong bytes, ulong packets, uint sampling, string? exporter)
    {
        var received = T0.UtcDateTime.AddSeconds(secondsAfterT0);
        return new FlowRecord
        {
            TimeReceived = received,
            TimeStart = received.AddSeconds(-1),
            TimeEnd = received,
            Exporter = exporter is null ? FlowAddress.None : FlowAddress.Parse(exporter),
            FlowProtocol = FlowProtocol.Ipfix,
            SrcAddr = FlowAddress.Parse(source),
            DstAddr = FlowAddress.Parse(source.Contains(':', StringComparison.Ordinal) ? "2001:db8::2" : "192.0.2.1"),
            SrcPort = 40_000,
            DstPort = dstPort,
            Protocol = protocol,
            Bytes = bytes,
            Packets = packets,
            SamplingRate = sampling,
        };
    }
}
