using FlowViz.Core.Flows;

namespace FlowViz.Protocols.Tests.Ipfix;

/// <summary>IPFIX Messages captured from softflowd 1.1.0 and pmacct 1.7.7 (Fixtures/README.md).</summary>
public class IpfixDecoderFixtureTests
{
    private readonly FlowDatagramDecoder _decoder = new(TimeProvider.System);
    private readonly RecordingSink _sink = new();

    private static FlowRecord Flow(string src, ushort srcPort, string dst, ushort dstPort, byte protocol,
        ulong bytes, ulong packets, string start, string end, FlowDirection direction, byte tcpFlags = 0,
        byte tos = 0) => new()
    {
        TimeReceived = Fixture.ReceivedUtc,
        TimeStart = Fixture.Utc(start),
        TimeEnd = Fixture.Utc(end),
        Exporter = Fixture.Exporter,
        ObservationDomainId = 0,
        FlowProtocol = FlowProtocol.Ipfix,
        SrcAddr = FlowAddress.Parse(src),
        DstAddr = FlowAddress.Parse(dst),
        SrcPort = srcPort,
        DstPort = dstPort,
        Protocol = protocol,
        TcpFlags = tcpFlags,
        Tos = tos,
        Bytes = bytes,
        Packets = packets,
        SamplingRate = 1,
        Direction = direction,
    };

    // The input pcap's packet times exactly: softflowd's IPFIX records carry flowStart/EndSysUpTime (22/21)
    // and its options record systemInitTimeMilliseconds (160) = the first packet, 22:13:20.000.
    private static readonly FlowRecord[] SoftflowdMixed =
    [
        Flow("192.0.2.10", 40000, "198.51.100.20", 80, 6, 178, 4, "2023-11-14T22:13:20.000Z", "2023-11-14T22:13:20.075Z", FlowDirection.Ingress, tcpFlags: 0x1b),
        Flow("198.51.100.20", 80, "192.0.2.10", 40000, 6, 1120, 3, "2023-11-14T22:13:20.000Z", "2023-11-14T22:13:20.075Z", FlowDirection.Egress, tcpFlags: 0x1b),
        Flow("192.0.2.10", 53000, "203.0.113.53", 53, 17, 58, 1, "2023-11-14T22:13:20.100Z", "2023-11-14T22:13:20.140Z", FlowDirection.Ingress, tos: 0xb8),
        Flow("203.0.113.53", 53, "192.0.2.10", 53000, 17, 118, 1, "2023-11-14T22:13:20.100Z", "2023-11-14T22:13:20.140Z", FlowDirection.Egress),
        Flow("198.51.100.1", 0, "192.0.2.10", 0, 1, 84, 1, "2023-11-14T22:13:20.210Z", "2023-11-14T22:13:20.210Z", FlowDirection.Egress),
        Flow("2001:db8::10", 53001, "2001:db8:2::53", 53, 17, 88, 1, "2023-11-14T22:13:20.400Z", "2023-11-14T22:13:20.400Z", FlowDirection.Ingress),
        // ICMPv6 echo request: icmpTypeCodeIPv6 (139) 128 × 256 + 0 in the destination port.
        Flow("2001:db8::10", 0, "2001:db8:1::443", 128 * 256, 58, 80, 1, "2023-11-14T22:13:20.500Z", "2023-11-14T22:13:20.500Z", FlowDirection.Ingress),
        Flow("192.0.2.10", 0, "198.51.100.1", 2048, 1, 168, 2, "2023-11-14T22:13:20.200Z", "2023-11-14T22:13:21.200Z", FlowDirection.Ingress),
        Flow("2001:db8::10", 50000, "2001:db8:1::443", 443, 6, 620, 2, "2023-11-14T22:13:20.300Z", "2023-11-14T22:13:20.340Z", FlowDirection.Ingress, tcpFlags: 0x12),
        Flow("2001:db8:1::443", 443, "2001:db8::10", 50000, 6, 60, 1, "2023-11-14T22:13:20.300Z", "2023-11-14T22:13:20.340Z", FlowDirection.Egress, tcpFlags: 0x12),
    ];

    [Theory]
    [InlineData("ipfix/softflowd-mixed-1.bin")] // flowStart/EndSysUpTime + systemInitTimeMilliseconds in options
    [InlineData("ipfix/softflowd-milli-mixed-1.bin")] // -A milli: flowStart/EndMilliseconds (152/153)
    public void Decode_SoftflowdMixed_EmitsEveryCapturedFlow(string file)
    {
        var result = _decoder.Decode(Fixture.Payload(file), Fixture.Context, _sink);

        Assert.Equal(new DecodeResult(DecodeStatus.Ok, 10, 0), (result).WithoutSequence());
        Assert.Equal(SoftflowdMixed, _sink.Flows);
    }

    [Fact]
    public void Decode_PmacctMixed_EmitsEveryCapturedFlow()
    {
        foreach (var file in Fixture.All("ipfix").Where(f => f.Contains("pmacct-mixed", StringComparison.Ordinal)))
        {
            Assert.Equal(DecodeStatus.Ok, _decoder.Decode(Fixture.Payload(file), Fixture.Context, _sink).Status);
        }

        // pmacct's nfprobe exports each direction as its own ingress flow, with flowStart/EndMilliseconds,
        // and leaves IP_TOS 0 (the DNS query's 0xb8 is not exported; tshark shows 0 too).
        FlowRecord[] expected =
        [
            .. SoftflowdMixed.Select(f => f with { Direction = FlowDirection.Ingress, Tos = 0 }),
        ];
        Assert.Equal(expected.OrderBy(Key), _sink.Flows.OrderBy(Key));
    }

    [Theory]
    [InlineData("softflowd-mixed", 10, 2574, 17)]
    [InlineData("softflowd-milli-mixed", 10, 2574, 17)]
    [InlineData("softflowd-bulk", 80, 7000, 80)]
    [InlineData("pmacct-mixed", 10, 2574, 17)]
    public void Decode_IpfixFixtures_TotalsMatchCrossCheck(string name, int records, long bytes, long packets)
    {
        foreach (var file in Fixture.All("ipfix").Where(f => f.Contains(name + "-", StringComparison.Ordinal)))
        {
            Assert.Equal(DecodeStatus.Ok, _decoder.Decode(Fixture.Payload(file), Fixture.Context, _sink).Status);
        }

        Assert.Equal(records, _sink.Flows.Count);
        Assert.Equal(bytes, _sink.Flows.Sum(f => (long)f.Bytes));
        Assert.Equal(packets, _sink.Flows.Sum(f => (long)f.Packets));
    }

    [Fact]
    public void Decode_SoftflowdBulk_FlowTimesAreThePacketTimes()
    {
        foreach (var file in Fixture.All("ipfix").Where(f => f.Contains("softflowd-bulk-", StringComparison.Ordinal)))
        {
            _decoder.Decode(Fixture.Payload(file), Fixture.Context, _sink);
        }

        // bulk.pcap: flow i is one packet at 22:13:20 + 10 ms × i, from port 10000 + i.
        Assert.Equal(80, _sink.Flows.Count);
        Assert.All(_sink.Flows, f =>
        {
            var packetTime = Fixture.Utc("2023-11-14T22:13:20Z").AddMilliseconds(10 * (f.SrcPort - 10000));
            Assert.Equal((packetTime, packetTime), (f.TimeStart, f.TimeEnd));
        });
    }

    [Fact]
    public void Decode_DataBeforeTemplate_CountsMissingTemplate()
    {
        var result = _decoder.Decode(Fixture.Payload("ipfix/softflowd-bulk-2.bin"), Fixture.Context, _sink);

        Assert.Equal((DecodeStatus.MissingTemplate, 0), (result.Status, result.FlowCount));
        Assert.True(result.MissingTemplateSets > 0);
        Assert.Empty(_sink.Flows);
    }

    [Fact]
    public void Decode_IpfixAndV9FromOneExporter_KeepTheirTemplatesApart()
    {
        _decoder.Decode(Fixture.Payload("netflow9/softflowd-bulk-1.bin"), Fixture.Context, _sink);
        _decoder.Decode(Fixture.Payload("ipfix/softflowd-bulk-1.bin"), Fixture.Context, _sink);

        Assert.NotNull(_decoder.Templates.Find(new(Fixture.Exporter, FlowProtocol.Ipfix, 0, 1024)));
        Assert.NotNull(_decoder.Templates.Find(new(Fixture.Exporter, FlowProtocol.NetFlowV9, 0, 1024)));
        Assert.All(_sink.Flows.Skip(17), f => Assert.Equal(FlowProtocol.Ipfix, f.FlowProtocol));
    }

    private static string Key(FlowRecord f) => $"{f.SrcAddr} {f.SrcPort} {f.DstAddr} {f.DstPort}";
}
