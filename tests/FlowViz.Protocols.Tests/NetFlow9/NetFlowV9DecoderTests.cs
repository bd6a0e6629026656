using FlowViz.Core.Flows;
using FlowViz.Protocols.NetFlow9;
using static FlowViz.Protocols.Tests.NetFlow9.V9PacketBuilder;
using T = FlowViz.Protocols.NetFlow9.NetFlowV9FieldType;

namespace FlowViz.Protocols.Tests.NetFlow9;

public class NetFlowV9DecoderTests
{
    // Header: sysUptime 60 s at unix_secs 1_700_000_000, so uptime 59_000 ms is one second before export.
    private static readonly DateTime ExportTime = DateTime.UnixEpoch.AddSeconds(1_700_000_000);
    private readonly FlowDatagramDecoder _decoder = new(TimeProvider.System);
    private readonly RecordingSink _sink = new();

    private DecodeResult Decode(byte[] datagram) => _decoder.Decode(datagram, Fixture.Context, _sink);

    [Theory]
    [InlineData(4, 0xFFFF_FFFFUL)]
    [InlineData(8, 0x1_0000_0000UL)] // wider than 32 bits: only an 8-byte counter can carry it
    [InlineData(3, 0xABCDEFUL)] // any length 1..8 is an unsigned integer
    [InlineData(1, 200UL)]
    public void Decode_CountersOfAnyLength_ReadAsUnsigned(ushort length, ulong value)
    {
        var packet = new V9PacketBuilder()
            .Template(300, (T.InBytes, length), (T.InPkts, length))
            .Data(300, [.. Be(value, length), .. Be(value, length)])
            .Build();

        Assert.Equal(new DecodeResult(DecodeStatus.Ok, 1, 0), (Decode(packet)).WithoutSequence());
        Assert.Equal(value, _sink.Flows[0].Bytes);
        Assert.Equal(value, _sink.Flows[0].Packets);
    }

    [Fact]
    public void Decode_EveryStoredField_FillsFlowRecord()
    {
        var packet = new V9PacketBuilder(sourceId: 42)
            .Template(300,
                (T.Ipv6SrcAddr, 16), (T.Ipv6DstAddr, 16), (T.Ipv6NextHop, 16), (999, 5), (T.Ipv6SrcMask, 1),
                (T.Ipv6DstMask, 1), (T.Protocol, 1), (T.SrcTos, 1), (T.TcpFlags, 1), (T.L4SrcPort, 2), (T.L4DstPort, 2),
                (T.InputSnmp, 4), (T.OutputSnmp, 4), (T.InBytes, 8), (T.InPkts, 4), (T.FirstSwitched, 4),
                (T.LastSwitched, 4), (T.SrcAs, 4), (T.DstAs, 2), (T.SrcVlan, 2), (T.DstVlan, 2), (T.Direction, 1),
                (T.InSrcMac, 6), (T.OutDstMac, 6), (T.MplsLabel1, 3), (T.SamplingInterval, 4))
            .Data(300,
            [
                .. FlowAddress.Parse("2001:db8::1").ToIPAddress().GetAddressBytes(),
                .. FlowAddress.Parse("2001:db8::2").ToIPAddress().GetAddressBytes(),
                .. FlowAddress.Parse("fe80::1").ToIPAddress().GetAddressBytes(),
                .. Be(0xDEAD, 5), // unknown type 999: skipped by its length
                48, 64, 6, 0x28, 0x12, .. Be(443, 2), .. Be(51000, 2),
                .. Be(3, 4), .. Be(70_000, 4), .. Be(5_000_000_000, 8), .. Be(4_000, 4), .. Be(58_000, 4),
                .. Be(59_500, 4), .. Be(4_200_000_000, 4), .. Be(65_001, 2), .. Be(100, 2), .. Be(200, 2), 1,
                .. Be(0x0200_0000_0001, 6), .. Be(0x0200_0000_0002, 6), .. Be((16_000UL << 4) | 1, 3), .. Be(512, 4),
            ])
            .Build();

        Assert.Equal(new DecodeResult(DecodeStatus.Ok, 1, 0), (Decode(packet)).WithoutSequence());
        Assert.Equal(new FlowRecord
        {
            TimeReceived = Fixture.ReceivedUtc,
            TimeStart = ExportTime.AddMilliseconds(-2_000),
            TimeEnd = ExportTime.AddMilliseconds(-500),
            Exporter = Fixture.Exporter,
            ObservationDomainId = 42,
            FlowProtocol = FlowProtocol.NetFlowV9,
            SrcAddr = FlowAddress.Parse("2001:db8::1"),
            DstAddr = FlowAddress.Parse("2001:db8::2"),
            NextHop = FlowAddress.Parse("fe80::1"),
            SrcPort = 443,
            DstPort = 51000,
            Protocol = 6,
            TcpFlags = 0x12,
            Tos = 0x28,
            InputInterface = 3,
            OutputInterface = 70_000,
            Bytes = 5_000_000_000,
            Packets = 4_000,
            SamplingRate = 512,
            SrcAs = 4_200_000_000,
            DstAs = 65_001,
            SrcMask = 48,
            DstMask = 64,
            SrcVlan = 100,
            DstVlan = 200,
            Direction = FlowDirection.Egress,
            SrcMac = 0x0200_0000_0001,
            DstMac = 0x0200_0000_0002,
            MplsLabel = 16_000,
        }, _sink.Flows[0]);
    }

    [Fact]
    public void Decode_RecordWithoutTimestampsOrPorts_GetsExportTimeAndIcmpTypeAsDstPort()
    {
        var packet = new V9PacketBuilder()
            .Template(300, (T.Ipv4SrcAddr, 4), (T.Ipv4DstAddr, 4), (T.Protocol, 1), (T.IcmpType, 2))
            .Data(300, [192, 0, 2, 1, 192, 0, 2, 2, 1, .. Be(3 * 256 + 1, 2)])
            .Build();

        Decode(packet);

        var flow = _sink.Flows[0];
        Assert.Equal((ExportTime, ExportTime), (flow.TimeStart, flow.TimeEnd));
        Assert.Equal((0, 3 * 256 + 1), (flow.SrcPort, flow.DstPort));
        Assert.Equal((1u, FlowDirection.Unknown), (flow.SamplingRate, flow.Direction));
    }

    [Fact]
    public void Decode_PaddingAfterRecords_IsNotAFlow()
    {
        var packet = new V9PacketBuilder()
            .Template(300, (T.Ipv4SrcAddr, 4), (T.Protocol, 1))
            .Data(300, [10, 0, 0, 1, 17], [10, 0, 0, 2, 6], [0, 0]) // two 5-byte records, 2 bytes of padding
            .Build();

        Assert.Equal(new DecodeResult(DecodeStatus.Ok, 2, 0), (Decode(packet)).WithoutSequence());
    }

    [Fact]
    public void Decode_TemplateChanged_ReplacesOldTemplate()
    {
        Decode(new V9PacketBuilder().Template(300, (T.InBytes, 4)).Build());
        var packet = new V9PacketBuilder()
            .Template(300, (T.InPkts, 2), (T.InBytes, 8))
            .Data(300, [.. Be(7, 2), .. Be(9, 8)])
            .Build();

        Decode(packet);

        Assert.Equal((9UL, 7UL), (_sink.Flows[0].Bytes, _sink.Flows[0].Packets));
    }

    public static TheoryData<byte[], DecodeStatus> BrokenPackets => new()
    {
        { new V9PacketBuilder().FlowSet(300, [], declaredLength: 2).Build(), DecodeStatus.Malformed },
        { new V9PacketBuilder().FlowSet(300, [1, 2, 3, 4], declaredLength: 40).Build(), DecodeStatus.Truncated },
        { new V9PacketBuilder().FlowSet(0, [1, 44, 0, 9, 0, 1, 0, 4]).Build(), DecodeStatus.Malformed }, // 9 fields, room for 1
        { new V9PacketBuilder().Template(300, (T.InBytes, 0)).Build(), DecodeStatus.Malformed }, // zero-length record
        { new V9PacketBuilder().Template(12, (T.InBytes, 4)).Build(), DecodeStatus.Malformed }, // template ID < 256
        { new V9PacketBuilder().FlowSet(1, [1, 44, 0, 3, 0, 4]).Build(), DecodeStatus.Malformed }, // scope length not 4n
        { new V9PacketBuilder().FlowSet(7, [0, 0, 0, 0]).Build(), DecodeStatus.Malformed }, // reserved FlowSet ID
        { new V9PacketBuilder().Build()[..19], DecodeStatus.Truncated },
        { [.. new V9PacketBuilder().Build(), 1, 2], DecodeStatus.Truncated },
    };

    [Theory]
    [MemberData(nameof(BrokenPackets))]
    public void Decode_BrokenPacket_ReturnsStatusWithoutThrowing(byte[] packet, DecodeStatus expected)
    {
        Assert.Equal(expected, Decode(packet).Status);
        Assert.Empty(_sink.Flows);
    }

    [Fact]
    public void Decode_ZeroPaddingAfterLastFlowSet_IsOk()
    {
        Assert.Equal(DecodeStatus.Ok, Decode([.. new V9PacketBuilder().Template(300, (T.InBytes, 4)).Build(), 0, 0]).Status);
    }
}
