using FlowViz.Core.Flows;
using static FlowViz.Protocols.Tests.NetFlow9.V9PacketBuilder;

namespace FlowViz.Protocols.Tests.NetFlow9;

/// <summary>
/// FreeBSD's ng_netflow exports v9 with fixed templates compiled into the kernel
/// (sys/netgraph/netflow/netflow_v9.c, <c>_netflow_v9_record_ipv6_tcp</c>, FlowSet ID 257 after the IPv4
/// one): rebuilt here field by field, since no Debian package runs it.
/// </summary>
public class NgNetflowTemplateTests
{
    private static readonly DateTime ExportTime = DateTime.UnixEpoch.AddSeconds(1_700_000_000);

    [Theory]
    [InlineData(8)] // sizeof(CNTR): uint64_t counters
    [InlineData(4)] // and uint32_t, as older kernels built it
    public void Decode_NgNetflowIpv6Template_FillsEveryField(ushort counterLength)
    {
        var packet = new V9PacketBuilder(sysUptimeMs: 60_000, unixSecs: 1_700_000_000, sourceId: 0)
            .Template(257,
                (27, 16), (28, 16), (62, 16), // IPV6_SRC_ADDR, IPV6_DST_ADDR, IPV6_NEXT_HOP
                (10, 2), (14, 2), // INPUT_SNMP, OUTPUT_SNMP in 2 bytes
                (2, counterLength), (1, counterLength), (24, counterLength), (23, counterLength), // IN_PKTS, IN_BYTES, OUT_PKTS, OUT_BYTES
                (22, 4), (21, 4), // FIRST_SWITCHED, LAST_SWITCHED
                (7, 2), (11, 2), (6, 1), (4, 1), (5, 1), // ports, TCP_FLAGS, PROTOCOL, TOS
                (16, 4), (17, 4), (9, 1), (13, 1)) // SRC_AS, DST_AS, SRC_MASK, DST_MASK
            .Data(257, [
                .. Ip("2001:db8::10"), .. Ip("2001:db8:1::443"), .. Ip("fe80::1"),
                .. Be(3, 2), .. Be(4, 2),
                .. Be(12, counterLength), .. Be(9000, counterLength), .. Be(0, counterLength), .. Be(0, counterLength),
                .. Be(55_000, 4), .. Be(59_000, 4),
                .. Be(50000, 2), .. Be(443, 2), 0x1b, 6, 0,
                .. Be(64500, 4), .. Be(15169, 4), 48, 32])
            .Build();
        var sink = new RecordingSink();

        var result = new FlowDatagramDecoder(TimeProvider.System).Decode(packet, Fixture.Context, sink);

        Assert.Equal(new DecodeResult(DecodeStatus.Ok, 1, 0), (result).WithoutSequence());
        Assert.Equal(new FlowRecord
        {
            TimeReceived = Fixture.ReceivedUtc, TimeStart = ExportTime.AddSeconds(-5), TimeEnd = ExportTime.AddSeconds(-1),
            Exporter = Fixture.Exporter, FlowProtocol = FlowProtocol.NetFlowV9,
            SrcAddr = FlowAddress.Parse("2001:db8::10"), DstAddr = FlowAddress.Parse("2001:db8:1::443"),
            NextHop = FlowAddress.Parse("fe80::1"), SrcPort = 50000, DstPort = 443, Protocol = 6, TcpFlags = 0x1b,
            InputInterface = 3, OutputInterface = 4, Bytes = 9000, Packets = 12, SamplingRate = 1,
            SrcAs = 64500, DstAs = 15169, SrcMask = 48, DstMask = 32, Direction = FlowDirection.Unknown,
        }, sink.Flows[0]);
    }

    private static byte[] Ip(string address) => System.Net.IPAddress.Parse(address).GetAddressBytes();
}
