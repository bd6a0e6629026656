using System.Buffers.Binary;
using FlowViz.Core.Flows;

namespace FlowViz.Protocols.Tests.NetFlow5;

public class NetFlowV5DecoderTests
{
    private readonly FlowDatagramDecoder _decoder = new(TimeProvider.System);
    private readonly RecordingSink _sink = new();

    private static FlowRecord Flow(string src, ushort srcPort, string dst, ushort dstPort, byte protocol,
        ulong bytes, ulong packets, string start, string end, byte tcpFlags = 0, byte tos = 0) => new()
    {
        TimeReceived = Fixture.ReceivedUtc,
        TimeStart = Fixture.Utc(start),
        TimeEnd = Fixture.Utc(end),
        Exporter = Fixture.Exporter,
        ObservationDomainId = 0,
        FlowProtocol = FlowProtocol.NetFlowV5,
        SrcAddr = FlowAddress.Parse(src),
        DstAddr = FlowAddress.Parse(dst),
        NextHop = FlowAddress.Parse("0.0.0.0"),
        SrcPort = srcPort,
        DstPort = dstPort,
        Protocol = protocol,
        TcpFlags = tcpFlags,
        Tos = tos,
        Bytes = bytes,
        Packets = packets,
        SamplingRate = 1,
        Direction = FlowDirection.Unknown,
    };

    [Fact]
    public void Decode_SoftflowdMixed_EmitsEveryCapturedFlow()
    {
        var result = _decoder.Decode(Fixture.Payload("netflow5/softflowd-mixed-1.bin"), Fixture.Context, _sink);

        Assert.Equal(new DecodeResult(DecodeStatus.Ok, 6, 0), (result).WithoutSequence());
        // SYN|ACK|PSH|FIN = 0x1b; softflowd v5 reports both directions of a TCP session with the OR of both.
        Assert.Equal(new FlowRecord
        {
            TimeReceived = Fixture.ReceivedUtc,
            TimeStart = Fixture.Utc("2023-11-14T22:13:20.000Z"),
            TimeEnd = Fixture.Utc("2023-11-14T22:13:20.075Z"),
            Exporter = Fixture.Exporter,
            ObservationDomainId = 0,
            FlowProtocol = FlowProtocol.NetFlowV5,
            SrcAddr = FlowAddress.Parse("192.0.2.10"),
            DstAddr = FlowAddress.Parse("198.51.100.20"),
            NextHop = FlowAddress.Parse("0.0.0.0"),
            SrcPort = 40000,
            DstPort = 80,
            Protocol = 6,
            TcpFlags = 0x1b,
            Tos = 0,
            InputInterface = 0,
            OutputInterface = 0,
            Bytes = 178,
            Packets = 4,
            SamplingRate = 1,
            SrcAs = 0,
            DstAs = 0,
            SrcMask = 0,
            DstMask = 0,
            Direction = FlowDirection.Unknown,
        }, _sink.Flows[0]);
        Assert.Equal(Flow("198.51.100.20", 80, "192.0.2.10", 40000, 6, 1120, 3,
            "2023-11-14T22:13:20.000Z", "2023-11-14T22:13:20.075Z", tcpFlags: 0x1b), _sink.Flows[1]);
        Assert.Equal(Flow("192.0.2.10", 53000, "203.0.113.53", 53, 17, 58, 1,
            "2023-11-14T22:13:20.100Z", "2023-11-14T22:13:20.140Z", tos: 0xb8), _sink.Flows[2]);
        Assert.Equal(Flow("203.0.113.53", 53, "192.0.2.10", 53000, 17, 118, 1,
            "2023-11-14T22:13:20.100Z", "2023-11-14T22:13:20.140Z"), _sink.Flows[3]);
        // ICMP: type × 256 + code in the destination port; echo reply (0/0) is 0, echo request (8/0) 2048.
        Assert.Equal(Flow("198.51.100.1", 0, "192.0.2.10", 0, 1, 84, 1,
            "2023-11-14T22:13:20.210Z", "2023-11-14T22:13:20.210Z"), _sink.Flows[4]);
        Assert.Equal(Flow("192.0.2.10", 0, "198.51.100.1", 2048, 1, 168, 2,
            "2023-11-14T22:13:20.200Z", "2023-11-14T22:13:21.200Z"), _sink.Flows[5]);
    }

    [Theory]
    [InlineData("softflowd-mixed", 6, 1726, 12)]
    [InlineData("softflowd-bulk", 40, 3080, 40)]
    public void Decode_SoftflowdFixtures_TotalsMatchTsharkCrossCheck(string name, int records, long bytes, long packets)
    {
        foreach (var file in Fixture.All("netflow5").Where(f => f.Contains(name, StringComparison.Ordinal)))
        {
            Assert.Equal(DecodeStatus.Ok, _decoder.Decode(Fixture.Payload(file), Fixture.Context, _sink).Status);
        }

        Assert.Equal(records, _sink.Flows.Count);
        Assert.Equal(bytes, _sink.Flows.Sum(f => (long)f.Bytes));
        Assert.Equal(packets, _sink.Flows.Sum(f => (long)f.Packets));
    }

    [Theory]
    [InlineData(0x0000, 1u)]
    [InlineData(0x4064, 100u)] // mode 01 (deterministic), interval 100
    [InlineData(0x8400, 1024u)] // mode 10 (random), interval 1024
    [InlineData(0x0010, 16u)] // mode 00 but an interval: some exporters do this
    public void Decode_SamplingInterval_SetsSamplingRateFromLow14Bits(ushort samplingInterval, uint expected)
    {
        var datagram = Fixture.Payload("netflow5/softflowd-mixed-1.bin");
        BinaryPrimitives.WriteUInt16BigEndian(datagram.AsSpan(22), samplingInterval);

        _decoder.Decode(datagram, Fixture.Context, _sink);

        Assert.All(_sink.Flows, f => Assert.Equal(expected, f.SamplingRate));
    }

    [Fact]
    public void Decode_FirstBeforeUptimeWrap_LandsBeforeExportTime()
    {
        var datagram = Fixture.Payload("netflow5/softflowd-mixed-1.bin");
        BinaryPrimitives.WriteUInt32BigEndian(datagram.AsSpan(4), 1_000); // sysUptime just after the wrap
        BinaryPrimitives.WriteUInt32BigEndian(datagram.AsSpan(24 + 24), uint.MaxValue - 999); // First: 2 s earlier
        BinaryPrimitives.WriteUInt32BigEndian(datagram.AsSpan(24 + 28), 500); // Last: 0.5 s earlier
        var exportTime = DateTime.UnixEpoch.AddSeconds(BinaryPrimitives.ReadUInt32BigEndian(datagram.AsSpan(8)))
            .AddTicks(BinaryPrimitives.ReadUInt32BigEndian(datagram.AsSpan(12)) / 100);

        _decoder.Decode(datagram, Fixture.Context, _sink);

        Assert.Equal(exportTime.AddMilliseconds(-2_000), _sink.Flows[0].TimeStart);
        Assert.Equal(exportTime.AddMilliseconds(-500), _sink.Flows[0].TimeEnd);
    }

    [Theory]
    [InlineData(0, DecodeStatus.Malformed)]
    [InlineData(31, DecodeStatus.Malformed)]
    [InlineData(7, DecodeStatus.Truncated)] // the fixture holds 6 records
    public void Decode_CountInconsistentWithLimitOrLength_ReturnsStatusAndNoFlows(ushort count, DecodeStatus expected)
    {
        var datagram = Fixture.Payload("netflow5/softflowd-mixed-1.bin");
        BinaryPrimitives.WriteUInt16BigEndian(datagram.AsSpan(2), count);

        var result = _decoder.Decode(datagram, Fixture.Context, _sink);

        Assert.Equal(DecodeResult.Failed(expected), (result).WithoutSequence());
        Assert.Empty(_sink.Flows);
    }

    [Fact]
    public void Decode_ShorterThanHeader_ReturnsTruncated()
    {
        var result = _decoder.Decode(Fixture.Payload("netflow5/softflowd-mixed-1.bin").AsSpan(0, 23), Fixture.Context, _sink);

        Assert.Equal(DecodeResult.Failed(DecodeStatus.Truncated), (result).WithoutSequence());
    }
}
