using FlowViz.Core.Flows;

namespace FlowViz.Protocols.Tests.NetFlow9;

public class NetFlowV9DecoderFixtureTests
{
    private readonly FlowDatagramDecoder _decoder = new(TimeProvider.System);
    private readonly RecordingSink _sink = new();

    // softflowd 1.1.0 sends unix_secs of the last packet seen (22:13:21.2 → 21) and sysUptime 1200 ms
    // since the first: v9 headers have no sub-second export time, so these flows decode 200 ms earlier
    // than the packets in the input pcap. nfdump 1.7.1 decodes the same times (README.md).
    private static FlowRecord Flow(string src, ushort srcPort, string dst, ushort dstPort, byte protocol,
        ulong bytes, ulong packets, string start, string end, FlowDirection direction, byte tcpFlags = 0,
        byte tos = 0) => new()
    {
        TimeReceived = Fixture.ReceivedUtc,
        TimeStart = Fixture.Utc(start),
        TimeEnd = Fixture.Utc(end),
        Exporter = Fixture.Exporter,
        ObservationDomainId = 0,
        FlowProtocol = FlowProtocol.NetFlowV9,
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

    [Fact]
    public void Decode_SoftflowdMixed_EmitsEveryCapturedFlow()
    {
        var result = _decoder.Decode(Fixture.Payload("netflow9/softflowd-mixed-1.bin"), Fixture.Context, _sink);

        Assert.Equal(new DecodeResult(DecodeStatus.Ok, 10, 0), (result).WithoutSequence());
        Assert.Equal(new FlowRecord
        {
            TimeReceived = Fixture.ReceivedUtc,
            TimeStart = Fixture.Utc("2023-11-14T22:13:19.800Z"),
            TimeEnd = Fixture.Utc("2023-11-14T22:13:19.875Z"),
            Exporter = Fixture.Exporter,
            ObservationDomainId = 0,
            FlowProtocol = FlowProtocol.NetFlowV9,
            SrcAddr = FlowAddress.Parse("192.0.2.10"),
            DstAddr = FlowAddress.Parse("198.51.100.20"),
            NextHop = FlowAddress.None, // softflowd's templates carry no next hop
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
            SrcVlan = 0,
            DstVlan = 0,
            Direction = FlowDirection.Ingress,
            SrcMac = 0,
            DstMac = 0,
            MplsLabel = 0,
        }, _sink.Flows[0]);
        FlowRecord[] expected =
        [
            _sink.Flows[0],
            Flow("198.51.100.20", 80, "192.0.2.10", 40000, 6, 1120, 3, "2023-11-14T22:13:19.800Z", "2023-11-14T22:13:19.875Z", FlowDirection.Egress, tcpFlags: 0x1b),
            Flow("192.0.2.10", 53000, "203.0.113.53", 53, 17, 58, 1, "2023-11-14T22:13:19.900Z", "2023-11-14T22:13:19.940Z", FlowDirection.Ingress, tos: 0xb8),
            Flow("203.0.113.53", 53, "192.0.2.10", 53000, 17, 118, 1, "2023-11-14T22:13:19.900Z", "2023-11-14T22:13:19.940Z", FlowDirection.Egress),
            // ICMP_TYPE 0 (echo reply) leaves the port 0; the request below carries 8 × 256.
            Flow("198.51.100.1", 0, "192.0.2.10", 0, 1, 84, 1, "2023-11-14T22:13:20.010Z", "2023-11-14T22:13:20.010Z", FlowDirection.Egress),
            Flow("2001:db8::10", 53001, "2001:db8:2::53", 53, 17, 88, 1, "2023-11-14T22:13:20.200Z", "2023-11-14T22:13:20.200Z", FlowDirection.Ingress),
            // ICMPv6 echo request (128/0), from icmpTypeCodeIPv6 (139) in softflowd's v9 ICMPv6 template.
            Flow("2001:db8::10", 0, "2001:db8:1::443", 128 * 256, 58, 80, 1, "2023-11-14T22:13:20.300Z", "2023-11-14T22:13:20.300Z", FlowDirection.Ingress),
            Flow("192.0.2.10", 0, "198.51.100.1", 2048, 1, 168, 2, "2023-11-14T22:13:20.000Z", "2023-11-14T22:13:21.000Z", FlowDirection.Ingress),
            Flow("2001:db8::10", 50000, "2001:db8:1::443", 443, 6, 620, 2, "2023-11-14T22:13:20.100Z", "2023-11-14T22:13:20.140Z", FlowDirection.Ingress, tcpFlags: 0x12),
            Flow("2001:db8:1::443", 443, "2001:db8::10", 50000, 6, 60, 1, "2023-11-14T22:13:20.100Z", "2023-11-14T22:13:20.140Z", FlowDirection.Egress, tcpFlags: 0x12),
        ];
        Assert.Equal(expected, _sink.Flows);
    }

    [Theory]
    [InlineData("softflowd-mixed", 10, 2574, 17)]
    [InlineData("softflowd-bulk", 80, 7000, 80)]
    public void Decode_SoftflowdFixtures_TotalsMatchNfdumpCrossCheck(string name, int records, long bytes, long packets)
    {
        foreach (var file in Fixture.All("netflow9").Where(f => f.Contains(name, StringComparison.Ordinal)))
        {
            Assert.Equal(DecodeStatus.Ok, _decoder.Decode(Fixture.Payload(file), Fixture.Context, _sink).Status);
        }

        Assert.Equal(records, _sink.Flows.Count);
        Assert.Equal(bytes, _sink.Flows.Sum(f => (long)f.Bytes));
        Assert.Equal(packets, _sink.Flows.Sum(f => (long)f.Packets));
    }

    [Fact]
    public void Decode_DataBeforeTemplate_CountsMissingTemplateThenDecodesAfterTemplateArrives()
    {
        var before = _decoder.Decode(Fixture.Payload("netflow9/softflowd-bulk-2.bin"), Fixture.Context, _sink);
        var templates = _decoder.Decode(Fixture.Payload("netflow9/softflowd-bulk-1.bin"), Fixture.Context, _sink);
        var after = _decoder.Decode(Fixture.Payload("netflow9/softflowd-bulk-2.bin"), Fixture.Context, _sink);

        Assert.Equal(new DecodeResult(DecodeStatus.MissingTemplate, 0, 22), (before).WithoutSequence());
        Assert.Equal(new DecodeResult(DecodeStatus.Ok, 17, 0), (templates).WithoutSequence());
        Assert.Equal(new DecodeResult(DecodeStatus.Ok, 22, 0), (after).WithoutSequence());
        Assert.Equal(39, _sink.Flows.Count);
    }

    [Fact]
    public void Decode_TemplateFromAnotherExporter_IsNotUsed()
    {
        _decoder.Decode(Fixture.Payload("netflow9/softflowd-bulk-1.bin"), Fixture.Context, _sink);
        var other = Fixture.Context with { Exporter = FlowAddress.Parse("2001:db8::99") };

        var result = _decoder.Decode(Fixture.Payload("netflow9/softflowd-bulk-2.bin"), other, _sink);

        Assert.Equal(DecodeStatus.MissingTemplate, result.Status);
    }

    [Fact]
    public void Decode_OptionsTemplateAndOptionsData_StoredAndSkippedWithoutFlows()
    {
        _decoder.Decode(Fixture.Payload("netflow9/softflowd-mixed-1.bin"), Fixture.Context, _sink);

        // softflowd sends options template 256 (scope Interface; SAMPLING_INTERVAL, SAMPLING_ALGORITHM,
        // IF_NAME) and one options data record; neither becomes a flow.
        var options = _decoder.Templates.Find(new(Fixture.Exporter, FlowProtocol.NetFlowV9, 0, 256));
        Assert.NotNull(options);
        Assert.True(options.IsOptions);
        Assert.Equal(25, options.RecordLength);
        Assert.Equal(5, _decoder.Templates.Count); // 1024, 1025, 2048, 2049 and the options template 256
    }
}
