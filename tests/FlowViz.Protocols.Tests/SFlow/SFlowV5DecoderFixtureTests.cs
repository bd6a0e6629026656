using FlowViz.Core.Counters;
using FlowViz.Core.Flows;

namespace FlowViz.Protocols.Tests.SFlow;

public class SFlowV5DecoderFixtureTests
{
    // pmacctd's sfprobe was configured with sfprobe_agentip 192.0.2.1; the datagrams came from 127.0.0.1.
    private static readonly FlowAddress Agent = FlowAddress.Parse("192.0.2.1");

    private readonly FlowDatagramDecoder _decoder = new(TimeProvider.System);
    private readonly RecordingCounterSink _sink = new();

    // One sample per packet of mixed.pcap (make_traffic_pcap.py), in capture order. frame_length is the
    // Ethernet frame plus a 4-byte FCS that sfprobe adds ("stripped" = 4), so each byte count is the IP
    // length the NetFlow fixtures show plus 18. sfprobe knows no interfaces (0x3FFFFFFF → 0) nor VLANs.
    private static FlowRecord Sample(string src, ushort srcPort, string dst, ushort dstPort, byte protocol,
        ulong bytes, byte tcpFlags = 0, byte tos = 0, uint samplingRate = 1) => new()
    {
        TimeReceived = Fixture.ReceivedUtc,
        TimeStart = Fixture.ReceivedUtc,
        TimeEnd = Fixture.ReceivedUtc,
        Exporter = Agent,
        ObservationDomainId = 0,
        FlowProtocol = FlowProtocol.SFlowV5,
        SrcAddr = FlowAddress.Parse(src),
        DstAddr = FlowAddress.Parse(dst),
        SrcPort = srcPort,
        DstPort = dstPort,
        Protocol = protocol,
        TcpFlags = tcpFlags,
        Tos = tos,
        Bytes = bytes,
        Packets = 1,
        SamplingRate = samplingRate,
        Direction = FlowDirection.Unknown,
        SrcMac = 0x02_00_00_00_00_01,
        DstMac = 0x02_00_00_00_00_02,
    };

    [Fact]
    public void Decode_PmacctMixed_EmitsOneRecordPerSampledPacket()
    {
        var results = Fixture.All("sflow").Where(f => f.Contains("pmacct-mixed", StringComparison.Ordinal))
            .Select(f => _decoder.Decode(Fixture.Payload(f), Fixture.Context, _sink)).ToArray();

        // pmacct numbers its datagrams 1, 2, 3 (sFlow v5 counts datagrams per agent and sub-agent).
        Assert.Equal(
            [
                new(DecodeStatus.Ok, 8, 0) { Sequence = new(FlowProtocol.SFlowV5, 0, 1, 1) },
                new(DecodeStatus.Ok, 7, 0) { Sequence = new(FlowProtocol.SFlowV5, 0, 2, 1) },
                new(DecodeStatus.Ok, 2, 0) { Sequence = new(FlowProtocol.SFlowV5, 0, 3, 1) },
            ],
            results);
        Assert.Equal(new FlowRecord
        {
            TimeReceived = Fixture.ReceivedUtc,
            TimeStart = Fixture.ReceivedUtc, // sFlow samples carry no time
            TimeEnd = Fixture.ReceivedUtc,
            Exporter = Agent, // the agent address, not the datagram's source 127.0.0.1
            ObservationDomainId = 0, // sub_agent_id
            FlowProtocol = FlowProtocol.SFlowV5,
            SrcAddr = FlowAddress.Parse("192.0.2.10"),
            DstAddr = FlowAddress.Parse("198.51.100.20"),
            NextHop = FlowAddress.None,
            SrcPort = 40000,
            DstPort = 80,
            Protocol = 6,
            TcpFlags = 0x02, // SYN: one packet's flags, not a session's
            Tos = 0,
            InputInterface = 0,
            OutputInterface = 0,
            Bytes = 58, // 14 Ethernet + 40 IP + 4 FCS
            Packets = 1,
            SamplingRate = 1,
            SrcAs = 0,
            DstAs = 0,
            SrcMask = 0,
            DstMask = 0,
            SrcVlan = 0,
            DstVlan = 0,
            Direction = FlowDirection.Unknown,
            SrcMac = 0x02_00_00_00_00_01,
            DstMac = 0x02_00_00_00_00_02,
            MplsLabel = 0,
        }, _sink.Flows[0]);
        FlowRecord[] expected =
        [
            _sink.Flows[0],
            Sample("198.51.100.20", 80, "192.0.2.10", 40000, 6, 58, tcpFlags: 0x12),
            Sample("192.0.2.10", 40000, "198.51.100.20", 80, 6, 58, tcpFlags: 0x10),
            Sample("192.0.2.10", 40000, "198.51.100.20", 80, 6, 76, tcpFlags: 0x18),
            Sample("198.51.100.20", 80, "192.0.2.10", 40000, 6, 1058, tcpFlags: 0x18), // header cut, frame_length whole
            Sample("192.0.2.10", 40000, "198.51.100.20", 80, 6, 58, tcpFlags: 0x11),
            Sample("198.51.100.20", 80, "192.0.2.10", 40000, 6, 58, tcpFlags: 0x11),
            Sample("192.0.2.10", 53000, "203.0.113.53", 53, 17, 76, tos: 0xb8),
            Sample("203.0.113.53", 53, "192.0.2.10", 53000, 17, 136),
            Sample("192.0.2.10", 0, "198.51.100.1", 8 * 256, 1, 102), // ICMP echo request: type × 256 + code
            Sample("198.51.100.1", 0, "192.0.2.10", 0, 1, 102), // echo reply 0/0
            Sample("2001:db8::10", 50000, "2001:db8:1::443", 443, 6, 78, tcpFlags: 0x02),
            Sample("2001:db8:1::443", 443, "2001:db8::10", 50000, 6, 78, tcpFlags: 0x12),
            Sample("2001:db8::10", 50000, "2001:db8:1::443", 443, 6, 578, tcpFlags: 0x10),
            Sample("2001:db8::10", 53001, "2001:db8:2::53", 53, 17, 106, tos: 0x28), // IPv6 traffic class
            Sample("2001:db8::10", 0, "2001:db8:1::443", 128 * 256, 58, 98), // ICMPv6 echo request
            Sample("192.0.2.10", 0, "198.51.100.1", 8 * 256, 1, 102),
        ];
        Assert.Equal(expected, _sink.Flows);
    }

    [Fact]
    public void Decode_PmacctTagged_ReadsVlansAndMplsLabelsFromRealHeaders()
    {
        var result = _decoder.Decode(Fixture.Payload("sflow/pmacct-tagged-1.bin"), Fixture.Context, _sink);

        // make_tagged_pcap.py's frames in order; sfprobe skipped the QinQ (0x88A8) frame. Its
        // extended_switch records carry the 802.1Q VLAN too, as nfdump shows (README.md).
        Assert.Equal(new DecodeResult(DecodeStatus.Ok, 5, 0), (result).WithoutSequence());
        FlowRecord[] expected =
        [
            Sample("192.0.2.10", 40000, "198.51.100.20", 80, 6, 62, tcpFlags: 0x02) with { SrcVlan = 100 },
            Sample("198.51.100.1", 33000, "203.0.113.9", 22, 6, 166, tcpFlags: 0x12) with { MplsLabel = 16001 }, // top of 16001, 24
            Sample("2001:db8::10", 53001, "2001:db8:2::53", 53, 17, 110, tos: 0x28) with { SrcVlan = 200 },
            Sample("2001:db8::10", 50000, "2001:db8:1::443", 443, 6, 282, tcpFlags: 0x10) with { MplsLabel = 777 },
            Sample("192.0.2.10", 0, "198.51.100.1", 8 * 256, 1, 106) with { SrcVlan = 100 },
        ];
        Assert.Equal(expected, _sink.Flows);
    }

    /// <summary>The numbers of the tshark cross-check in Fixtures/README.md.</summary>
    [Theory]
    [InlineData("pmacct-mixed-", 17, 2880, 1, 2880)]
    [InlineData("pmacct-bulk-", 80, 8440, 1, 8440)]
    [InlineData("pmacct-bulk-rate4-", 21, 2314, 4, 9256)]
    [InlineData("pmacct-tagged-", 5, 726, 1, 726)]
    public void Decode_PmacctFixtures_TotalsMatchTsharkCrossCheck(string prefix, int samples, long frameBytes,
        uint samplingRate, long scaledBytes)
    {
        foreach (var file in Fixture.All("sflow").Where(f => f.StartsWith("sflow/" + prefix, StringComparison.Ordinal)
            && (prefix.Contains("rate4", StringComparison.Ordinal) || !f.Contains("rate4", StringComparison.Ordinal))))
        {
            Assert.Equal(DecodeStatus.Ok, _decoder.Decode(Fixture.Payload(file), Fixture.Context, _sink).Status);
        }

        Assert.Equal(samples, _sink.Flows.Count);
        Assert.Equal(frameBytes, _sink.Flows.Sum(f => (long)f.Bytes));
        Assert.Equal(samples, _sink.Flows.Sum(f => (long)f.Packets));
        Assert.All(_sink.Flows, f => Assert.Equal(samplingRate, f.SamplingRate));
        Assert.Equal(scaledBytes, _sink.Flows.Sum(f => (long)f.ScaledBytes));
        Assert.Equal(samples * samplingRate, _sink.Flows.Sum(f => (long)f.ScaledPackets));
    }

    [Fact]
    public void Decode_PmacctCounterSample_EmitsInterfaceCountersToSink()
    {
        var result = _decoder.Decode(Fixture.Payload("sflow/pmacct-counters-1.bin"), Fixture.Context, _sink);

        Assert.Equal(new DecodeResult(DecodeStatus.Ok, 0, 0), (result).WithoutSequence());
        Assert.Equal(new InterfaceCounterRecord
        {
            TimeReceived = Fixture.ReceivedUtc,
            Exporter = Agent,
            ObservationDomainId = 0,
            IfIndex = 0x3FFF_FFFF, // sfprobe reports its pcap source as this ifIndex (no interface known)
            IfType = 6, // ethernetCsmacd
            IfSpeed = 100_000_000, // sfprobe_ifspeed default
            IfDirection = 1, // full-duplex
            IfStatus = 3, // admin and oper up
            InOctets = 7092, // what sfprobe had counted when it polled (tshark shows the same values)
            InUcastPackets = 42,
        }, Assert.Single(_sink.Counters));
    }

    [Fact]
    public void Decode_PmacctCountersAndFlowsInOneDatagram_EmitsBoth()
    {
        var result = _decoder.Decode(Fixture.Payload("sflow/pmacct-counters-2.bin"), Fixture.Context, _sink);

        // 6 flow samples and 1 counter sample; nfdump's sfcapd reads the same 6 flows, 1074 bytes.
        Assert.Equal(new DecodeResult(DecodeStatus.Ok, 6, 0), (result).WithoutSequence());
        Assert.Equal(1074L, _sink.Flows.Sum(f => (long)f.Bytes));
        Assert.Equal(0x3FFF_FFFFu, Assert.Single(_sink.Counters).IfIndex);
    }

    [Fact]
    public void Decode_CounterSampleWithPlainSink_EmitsNothingAndSucceeds()
    {
        var sink = new RecordingSink();

        var result = _decoder.Decode(Fixture.Payload("sflow/pmacct-counters-1.bin"), Fixture.Context, sink);

        Assert.Equal(new DecodeResult(DecodeStatus.Ok, 0, 0), (result).WithoutSequence());
        Assert.Empty(sink.Flows);
    }
}
