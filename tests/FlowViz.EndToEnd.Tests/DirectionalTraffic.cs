using FlowViz.Core.Flows;
using FlowViz.Protocols.NetFlow9;

namespace FlowViz.EndToEnd.Tests;

/// <summary>
/// Traffic with a direction, for the mirrored Applications chart and the AS drill-down (<see cref="KnownTraffic"/> is all
/// internal and has no AS): NetFlow v9 from 127.0.0.1 (FlowViz's own encoder, decoded by the collector like any exporter's)
/// between the local network <see cref="LocalNetwork"/> — configured by <see cref="DirectionalApp"/> — and two remote
/// ASes. Inbound flows carry the remote AS as source AS and enter by its interface; outbound flows carry it as
/// destination AS and leave by it; the local side has AS 0 and interface 2.
/// </summary>
public static class DirectionalTraffic
{
    public const string LocalNetwork = "192.168.50.0/24";
    public const string Exporter = "127.0.0.1";

    public static readonly Peer Red = new(64501, Interface: 11, "45.0.1.");
    public static readonly Peer Blue = new(64502, Interface: 12, "46.0.2.");

    /// <summary>Per application and direction: who, how many flows and bytes each. In: https 18,000 B, dns 2,000 B; out: https 6,000 B, ssh 2,400 B.</summary>
    public static readonly IReadOnlyList<Batch> Batches =
    [
        new("https", Inbound: true, Red, Protocol: 6, RemotePort: 443, Flows: 6, BytesPerFlow: 3_000),
        new("dns", Inbound: true, Blue, Protocol: 17, RemotePort: 53, Flows: 4, BytesPerFlow: 500),
        new("https", Inbound: false, Blue, Protocol: 6, RemotePort: 443, Flows: 5, BytesPerFlow: 1_200),
        new("ssh", Inbound: false, Red, Protocol: 6, RemotePort: 22, Flows: 3, BytesPerFlow: 800),
    ];

    public static long Flows => Batches.Sum(b => b.Flows);

    public static long InBytes => Batches.Where(b => b.Inbound).Sum(b => b.Bytes);

    public static long OutBytes => Batches.Where(b => !b.Inbound).Sum(b => b.Bytes);

    /// <summary>Bytes that entered from <paramref name="peer"/> by its interface (inbound) or left to it by it (outbound).</summary>
    public static long Bytes(Peer peer, bool inbound) => Batches.Where(b => b.Peer == peer && b.Inbound == inbound).Sum(b => b.Bytes);

    public static IEnumerable<byte[]> Datagrams(DateTime now)
    {
        var encoder = new NetFlowV9Encoder(sourceId: 9);
        var flows = Batches.SelectMany((batch, i) => batch.Records(now, i)).ToArray();
        var buffer = new byte[NetFlowV9Encoder.MaxDatagramSize];
        var sent = 0;
        while (sent < flows.Length)
        {
            var length = encoder.Encode(buffer, flows.AsSpan(sent), now, sysUptimeMs: 3_600_000, includeTemplates: true, out var written);
            sent += written;
            yield return buffer[..length];
        }
    }

    /// <summary>A remote network: its AS, the interface of exporter 127.0.0.1 that faces it, and its addresses' prefix.</summary>
    public sealed record Peer(uint As, uint Interface, string AddressPrefix);

    public sealed record Batch(string Application, bool Inbound, Peer Peer, byte Protocol, ushort RemotePort, int Flows, ulong BytesPerFlow)
    {
        public long Bytes => Flows * (long)BytesPerFlow;

        public IEnumerable<FlowRecord> Records(DateTime now, int batch) => Enumerable.Range(1, Flows).Select(i =>
        {
            var remote = FlowAddress.Parse(Peer.AddressPrefix + (10 * batch + i));
            var local = FlowAddress.Parse("192.168.50." + i);
            var localPort = (ushort)(40_000 + 100 * batch + i); // ephemeral, no application rule: the remote port names it
            return new FlowRecord
            {
                TimeStart = now.AddMinutes(-3),
                TimeEnd = now.AddMinutes(-2),
                Exporter = FlowAddress.Parse(Exporter),
                FlowProtocol = FlowProtocol.NetFlowV9,
                SrcAddr = Inbound ? remote : local,
                DstAddr = Inbound ? local : remote,
                SrcPort = Inbound ? RemotePort : localPort,
                DstPort = Inbound ? localPort : RemotePort,
                Protocol = Protocol,
                InputInterface = Inbound ? Peer.Interface : 2,
                OutputInterface = Inbound ? 2 : Peer.Interface,
                Bytes = BytesPerFlow,
                Packets = 3,
                SrcAs = Inbound ? Peer.As : 0,
                DstAs = Inbound ? 0 : Peer.As,
            };
        });
    }
}
