using FlowViz.Core.Flows;
using FlowViz.Protocols.NetFlow9;

namespace FlowViz.EndToEnd.Tests;

/// <summary>
/// Two customers' traffic for the admin and tenant tests, as NetFlow v9 from 127.0.0.1 (FlowViz's own encoder,
/// decoded by the collector like any exporter's): <see cref="Red"/> arrives from AS 64501 on input interface 11,
/// <see cref="Blue"/> from AS 64502 on interface 12, both inbound to 10.0.0.0/8 (a default local network), so
/// their origin AS is their source AS. Nothing in <see cref="KnownTraffic"/> has either AS or interface.
/// </summary>
public static class PortalTraffic
{
    public static readonly Customer Red = new("red", 64501, 11, "45.0.1.", Flows: 6, BytesPerFlow: 1_000);
    public static readonly Customer Blue = new("blue", 64502, 12, "46.0.2.", Flows: 9, BytesPerFlow: 2_000);

    public static long Flows => Red.Flows + Blue.Flows;

    /// <summary>Datagrams whose flows ended <paramref name="now"/> less two minutes, within any "last hour".</summary>
    public static IEnumerable<byte[]> Datagrams(DateTime now)
    {
        var encoder = new NetFlowV9Encoder(sourceId: 7);
        var flows = Red.Records(now).Concat(Blue.Records(now)).ToArray();
        var buffer = new byte[NetFlowV9Encoder.MaxDatagramSize];
        var sent = 0;
        while (sent < flows.Length)
        {
            var length = encoder.Encode(buffer, flows.AsSpan(sent), now, sysUptimeMs: 3_600_000, includeTemplates: true, out var written);
            sent += written;
            yield return buffer[..length];
        }
    }

    /// <summary>One customer: its AS, its input interface on exporter 127.0.0.1 and the source addresses of its flows.</summary>
    public sealed record Customer(string Name, uint As, uint InputInterface, string AddressPrefix, int Flows, ulong BytesPerFlow)
    {
        public string Scope => $"as {As}\nin if 127.0.0.1 {InputInterface}";

        public IEnumerable<FlowRecord> Records(DateTime now) => Enumerable.Range(1, Flows).Select(i => new FlowRecord
        {
            TimeStart = now.AddMinutes(-3),
            TimeEnd = now.AddMinutes(-2),
            Exporter = FlowAddress.Parse("127.0.0.1"),
            FlowProtocol = FlowProtocol.NetFlowV9,
            SrcAddr = FlowAddress.Parse(AddressPrefix + i),
            DstAddr = FlowAddress.Parse("10.0.0." + i),
            SrcPort = 443,
            DstPort = (ushort)(40_000 + i),
            Protocol = 6,
            InputInterface = InputInterface,
            OutputInterface = 1,
            Bytes = BytesPerFlow,
            Packets = 2,
            SrcAs = As,
            DstAs = 0,
        });
    }
}
