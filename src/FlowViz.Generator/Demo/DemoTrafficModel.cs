using FlowViz.Core.Flows;

namespace FlowViz.Generator.Demo;

/// <summary>
/// Makes the plausible traffic of a small site: local clients (IPv4 and IPv6) talking to remote servers
/// over the usual applications, a few services reached from outside, a day/night rhythm. Every
/// conversation becomes two unidirectional flows, as a real exporter reports them.
/// </summary>
public sealed class DemoTrafficModel(int seed)
{
    private static readonly ApplicationProfile[] Applications =
    [
        new("https", 6, 443, 34, 2_500, 180_000),
        new("quic", 17, 443, 14, 3_000, 250_000),
        new("http", 6, 80, 5, 900, 40_000),
        new("dns", 17, 53, 16, 80, 160),
        new("ssh", 6, 22, 3, 6_000, 12_000),
        new("ntp", 17, 123, 3, 76, 76),
        new("imaps", 6, 993, 3, 1_500, 25_000),
        new("submission", 6, 587, 1, 30_000, 1_200),
        new("wireguard", 17, 51820, 3, 40_000, 90_000),
        new("smtp-in", 6, 25, 2, 20_000, 900, InboundService: true),
        new("https-in", 6, 443, 4, 1_800, 60_000, InboundService: true),
        new("icmp", 1, 0x0800, 4, 84, 84),
        new("icmpv6", 58, 0x8000, 2, 104, 104),
        new("bittorrent", 6, 6881, 2, 40_000, 400_000),
    ];

    private static readonly int TotalWeight = Applications.Sum(a => a.Weight);
    private readonly Random _random = new(seed);

    /// <summary>Conversations per second at this time of day: busier in the evening, quiet at night (UTC).</summary>
    public static double RateFactor(DateTime utc)
    {
        var hour = utc.TimeOfDay.TotalHours;
        return 0.55 + 0.45 * Math.Sin((hour - 14) / 24 * 2 * Math.PI + Math.PI / 2);
    }

    /// <summary>Fills <paramref name="destination"/> with flows of conversations that ended just before <paramref name="nowUtc"/>.</summary>
    /// <returns>How many flows were written (always an even number: request and response).</returns>
    public int Generate(Span<FlowRecord> destination, DateTime nowUtc)
    {
        var count = 0;
        while (count + 2 <= destination.Length)
        {
            var app = Pick();
            var ipv6 = app.Protocol != 1 && (app.Protocol == 58 || _random.NextDouble() < 0.3);
            var local = ipv6 ? FlowAddress.Parse($"2001:db8:10::{_random.Next(0x10, 0x30):x}") : FlowAddress.FromIPv4(0xC0A8_0A00u | (uint)_random.Next(10, 40));
            var remote = ipv6 ? FlowAddress.Parse($"2001:db8:ff{_random.Next(0, 8)}::{_random.Next(1, 200):x}") : RemoteIPv4();
            var ephemeral = (ushort)_random.Next(32_768, 61_000);
            var end = nowUtc.AddMilliseconds(-_random.Next(0, 1000));
            var start = end.AddMilliseconds(-_random.Next(5, 60_000));
            var remoteAs = (uint)_random.Next(64_496, 64_512);
            var (client, server) = app.InboundService ? (remote, local) : (local, remote);
            var isIcmp = app.Protocol is 1 or 58;

            ref var request = ref destination[count++];
            request = Flow(client, server, isIcmp ? (ushort)0 : ephemeral, app.ServerPort, app, Vary(app.RequestBytes), start, end);
            ref var response = ref destination[count++];
            response = Flow(server, client, isIcmp ? (ushort)0 : app.ServerPort, isIcmp ? (ushort)0 : ephemeral, app, Vary(app.ResponseBytes), start, end);
            SetInterfacesAndAs(ref request, client == local, remoteAs);
            SetInterfacesAndAs(ref response, server == local, remoteAs);
        }
        return count;
    }

    private ApplicationProfile Pick()
    {
        var roll = _random.Next(TotalWeight);
        foreach (var app in Applications)
        {
            roll -= app.Weight;
            if (roll < 0)
            {
                return app;
            }
        }
        return Applications[^1];
    }

    private FlowAddress RemoteIPv4() =>
        FlowAddress.FromIPv4((_random.Next(2) == 0 ? 0xC633_6400u : 0xCB00_7100u) | (uint)_random.Next(1, 255));

    private ulong Vary(int mean) => (ulong)Math.Max(40, mean * (0.5 + _random.NextDouble()));

    private static FlowRecord Flow(FlowAddress src, FlowAddress dst, ushort srcPort, ushort dstPort, ApplicationProfile app, ulong bytes, DateTime start, DateTime end) => new()
    {
        SrcAddr = src,
        DstAddr = dst,
        SrcPort = srcPort,
        DstPort = dstPort,
        Protocol = app.Protocol,
        TcpFlags = app.Protocol == 6 ? (byte)0x1B : (byte)0,
        Bytes = bytes,
        Packets = Math.Max(1, bytes / 1_100),
        SamplingRate = 1,
        TimeStart = start,
        TimeEnd = end,
        SrcMask = (byte)(src.IsIPv4 ? 24 : 64),
        DstMask = (byte)(dst.IsIPv4 ? 24 : 64),
        Direction = FlowDirection.Ingress,
    };

    /// <summary>Interface 1 faces the LAN, 2 the upstream; the remote side's AS is on the upstream side.</summary>
    private static void SetInterfacesAndAs(ref FlowRecord flow, bool fromLocal, uint remoteAs)
    {
        flow.InputInterface = fromLocal ? 1u : 2u;
        flow.OutputInterface = fromLocal ? 2u : 1u;
        flow.SrcAs = fromLocal ? 0 : remoteAs;
        flow.DstAs = fromLocal ? remoteAs : 0;
    }
}
