using FlowViz.Core.Counters;
using FlowViz.Core.Flows;
using FlowViz.Protocols.SFlow;
using static FlowViz.Protocols.Tests.SFlow.PacketBytes;
using static FlowViz.Protocols.Tests.SFlow.SFlowDatagramBuilder;

namespace FlowViz.Protocols.Tests.SFlow;

/// <summary>Hand-built datagrams (see <see cref="SFlowDatagramBuilder"/>) for what pmacct's sfprobe does not send.</summary>
public class SFlowV5DecoderTests
{
    private static readonly FlowAddress AgentAddress = FlowAddress.Parse("192.0.2.77");

    private readonly RecordingCounterSink _sink = new();

    private DecodeResult Decode(byte[] datagram) => SFlowV5Decoder.Decode(datagram, Fixture.Context, _sink);

    private static byte[] VlanIPv6Tcp() =>
        Ethernet(0x8100, [.. Tag(0x86DD, 0), .. IPv6("2001:db8::1", "2001:db8::2", 6, Tcp(50000, 443, 0x18), trafficClass: 0xb8)]);

    [Fact]
    public void Decode_ExpandedFlowSampleWithVlanIPv6Tcp_EmitsFullRecord()
    {
        // 802.1Q tag: TPID 0x8100, TCI priority 5, VID 100, then EtherType 0x86DD.
        byte[] frame = [.. DstMac, .. SrcMac, .. Tag(0x8100, 100, priority: 5), .. U16(0x86DD),
            .. IPv6("2001:db8::1", "2001:db8::2", 6, Tcp(50000, 443, 0x18), trafficClass: 0xb8)];
        var datagram = new SFlowDatagramBuilder()
            .ExpandedFlowSample(512, (0, 0x0100_0001), (0, 0x0100_0002), SampledHeader(1518, frame))
            .Build();

        var result = Decode(datagram);

        Assert.Equal(new DecodeResult(DecodeStatus.Ok, 1, 0), (result).WithoutSequence());
        Assert.Equal(new FlowRecord
        {
            TimeReceived = Fixture.ReceivedUtc,
            TimeStart = Fixture.ReceivedUtc,
            TimeEnd = Fixture.ReceivedUtc,
            Exporter = AgentAddress,
            ObservationDomainId = 3,
            FlowProtocol = FlowProtocol.SFlowV5,
            SrcAddr = FlowAddress.Parse("2001:db8::1"),
            DstAddr = FlowAddress.Parse("2001:db8::2"),
            NextHop = FlowAddress.None,
            SrcPort = 50000,
            DstPort = 443,
            Protocol = 6,
            TcpFlags = 0x18,
            Tos = 0xb8,
            InputInterface = 0x0100_0001, // expanded interfaces are not limited to 30 bits
            OutputInterface = 0x0100_0002,
            Bytes = 1518,
            Packets = 1,
            SamplingRate = 512,
            SrcAs = 0,
            DstAs = 0,
            SrcMask = 0,
            DstMask = 0,
            SrcVlan = 100,
            DstVlan = 0,
            Direction = FlowDirection.Unknown,
            SrcMac = 0x02_00_00_00_00_01,
            DstMac = 0x02_00_00_00_00_02,
            MplsLabel = 0,
        }, Assert.Single(_sink.Flows));
        Assert.Equal(1518UL * 512, _sink.Flows[0].ScaledBytes);
        Assert.Equal(512UL, _sink.Flows[0].ScaledPackets);
    }

    [Fact]
    public void Decode_ExtendedSwitchRouterGateway_FillVlansNextHopMasksAndAses()
    {
        var datagram = new SFlowDatagramBuilder().FlowSample(1, 1, 2,
            ExtendedSwitch(srcVlan: 10, dstVlan: 20),
            SampledHeader(64, VlanIPv6Tcp()), // its tag says VLAN 0: the switch record wins
            ExtendedGateway([203, 0, 113, 1], routerAs: 64500, srcAs: 64501, srcPeerAs: 64502,
                (2, [64510, 64511]), (1, [65001, 65002])), // AS_SEQUENCE then AS_SET: the last AS is the origin
            ExtendedRouter([192, 0, 2, 254], srcMask: 24, dstMask: 16)).Build();

        Decode(datagram);

        var flow = Assert.Single(_sink.Flows);
        Assert.Equal(((ushort)10, (ushort)20), (flow.SrcVlan, flow.DstVlan));
        Assert.Equal(FlowAddress.Parse("192.0.2.254"), flow.NextHop); // the router's IP next hop over the BGP one
        Assert.Equal(((byte)24, (byte)16), (flow.SrcMask, flow.DstMask));
        Assert.Equal((64501u, 65002u), (flow.SrcAs, flow.DstAs));
    }

    [Fact]
    public void Decode_ExtendedGatewayWithEmptyPathAndLocalSource_UsesRouterAs()
    {
        var datagram = new SFlowDatagramBuilder().FlowSample(1, 1, 2,
            ExtendedGateway([203, 0, 113, 1], routerAs: 64500, srcAs: 0, srcPeerAs: 0)).Build();

        Decode(datagram);

        var flow = Assert.Single(_sink.Flows);
        Assert.Equal((64500u, 64500u, FlowAddress.Parse("203.0.113.1")), (flow.SrcAs, flow.DstAs, flow.NextHop));
    }

    [Fact]
    public void Decode_SampledIPv4RecordWithoutHeader_UsesIPLength()
    {
        var datagram = new SFlowDatagramBuilder().FlowSample(8, 1, 2,
            SampledIPv4(1400, 17, [10, 1, 1, 1], [10, 2, 2, 2], 5000, 6000, 0, 0x20)).Build();

        Decode(datagram);

        var flow = Assert.Single(_sink.Flows);
        Assert.Equal((FlowAddress.Parse("10.1.1.1"), FlowAddress.Parse("10.2.2.2"), (ushort)5000, (ushort)6000, (byte)0x20, 1400UL, 8u),
            (flow.SrcAddr, flow.DstAddr, flow.SrcPort, flow.DstPort, flow.Tos, flow.Bytes, flow.SamplingRate));
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Decode_RawHeaderAndSampledIPv4_FrameLengthWinsInEitherOrder(bool headerFirst)
    {
        var header = SampledHeader(1518, VlanIPv6Tcp());
        var ipv4 = SampledIPv4(1500, 6, [10, 1, 1, 1], [10, 2, 2, 2], 1, 2, 0, 0);

        Decode(new SFlowDatagramBuilder().FlowSample(1, 1, 2, headerFirst ? [header, ipv4] : [ipv4, header]).Build());

        Assert.Equal(1518UL, Assert.Single(_sink.Flows).Bytes);
    }

    [Theory]
    [InlineData(0x3FFF_FFFFu, 0u)] // format 0, maximum value: the device itself
    [InlineData(0x4000_0102u, 0u)] // format 1: discarded, reason 258
    [InlineData(0x8000_0003u, 0u)] // format 2: 3 output interfaces
    [InlineData(17u, 17u)]
    public void Decode_CompactOutputInterfaceFormats_KeepOnlySingleIfIndex(uint output, uint expected)
    {
        Decode(new SFlowDatagramBuilder().FlowSample(1, 5, output, SampledHeader(64, VlanIPv6Tcp())).Build());

        Assert.Equal((5u, expected), (_sink.Flows[0].InputInterface, _sink.Flows[0].OutputInterface));
    }

    [Fact]
    public void Decode_IPv6AgentAddress_IsExporter()
    {
        byte[] agent = System.Net.IPAddress.Parse("2001:db8::77").GetAddressBytes();

        Decode(new SFlowDatagramBuilder(agent, subAgentId: 9).FlowSample(1, 1, 2, SampledHeader(64, VlanIPv6Tcp())).Build());

        Assert.Equal((FlowAddress.Parse("2001:db8::77"), 9u), (_sink.Flows[0].Exporter, _sink.Flows[0].ObservationDomainId));
    }

    [Theory]
    [InlineData(new byte[0])] // address type UNKNOWN
    [InlineData(new byte[] { 0, 0, 0, 0 })] // 0.0.0.0
    public void Decode_UnknownAgentAddress_FallsBackToDatagramSource(byte[] agent)
    {
        Decode(new SFlowDatagramBuilder(agent).FlowSample(1, 1, 2, SampledHeader(64, VlanIPv6Tcp())).Build());

        Assert.Equal(Fixture.Exporter, _sink.Flows[0].Exporter);
    }

    [Fact]
    public void Decode_UnknownSamplesAndRecords_SkippedByLength()
    {
        var datagram = new SFlowDatagramBuilder()
            .Sample((4413 << 12) | 5, [1, 2, 3, 4, 5, 6, 7, 8]) // a vendor sample
            .FlowSample(1, 1, 2, Record(1006, [0, 0, 0, 9]), SampledHeader(64, VlanIPv6Tcp()), Record((9 << 12) | 1, new byte[12]))
            .CounterSample(false, Record(2, new byte[52]), InterfaceCounters(3)) // ethernet counters skipped
            .Build();

        var result = Decode(datagram);

        Assert.Equal(new DecodeResult(DecodeStatus.Ok, 1, 0), (result).WithoutSequence());
        Assert.Equal(3u, Assert.Single(_sink.Counters).IfIndex);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Decode_CounterSample_EmitsEveryGenericCounter(bool expanded)
    {
        var result = Decode(new SFlowDatagramBuilder().CounterSample(expanded, InterfaceCounters(12)).Build());

        Assert.Equal(new DecodeResult(DecodeStatus.Ok, 0, 0), (result).WithoutSequence());
        Assert.Equal(new InterfaceCounterRecord
        {
            TimeReceived = Fixture.ReceivedUtc,
            Exporter = AgentAddress,
            ObservationDomainId = 3,
            IfIndex = 12,
            IfType = 6,
            IfSpeed = 10_000_000_000,
            IfDirection = 1,
            IfStatus = 3,
            InOctets = 5_000_000_000_123,
            InUcastPackets = 1001,
            InMulticastPackets = 1002,
            InBroadcastPackets = 1003,
            InDiscards = 1004,
            InErrors = 1005,
            InUnknownProtos = 1006,
            OutOctets = 7_000_000_000_456,
            OutUcastPackets = 2001,
            OutMulticastPackets = 2002,
            OutBroadcastPackets = 2003,
            OutDiscards = 2004,
            OutErrors = 2005,
            PromiscuousMode = 0,
        }, Assert.Single(_sink.Counters));
        Assert.True(_sink.Counters[0].IsUp);
    }

    [Fact]
    public void Decode_EightSamplesPerDatagram_EmitsEight()
    {
        var builder = new SFlowDatagramBuilder();
        for (var i = 0; i < 8; i++)
        {
            builder.FlowSample(2048, 1, 2, ExtendedSwitch(1, 1), SampledHeader(1518, VlanIPv6Tcp()));
        }

        var result = Decode(builder.Build());

        Assert.Equal(new DecodeResult(DecodeStatus.Ok, 8, 0), (result).WithoutSequence());
        Assert.Equal(8 * 1518UL * 2048, (ulong)_sink.Flows.Sum(f => (long)f.ScaledBytes));
    }

    [Fact]
    public void Decode_SampleLengthBeyondDatagram_ReturnsTruncatedAfterEarlierSamples()
    {
        var datagram = new SFlowDatagramBuilder()
            .FlowSample(1, 1, 2, SampledHeader(64, VlanIPv6Tcp()))
            .Sample(1, new byte[8], declaredLength: 400)
            .Build();

        Assert.Equal(new DecodeResult(DecodeStatus.Truncated, 1, 0), (Decode(datagram)).WithoutSequence());
    }

    [Fact]
    public void Decode_RecordLengthBeyondSample_DropsThatSampleAndDecodesTheNext()
    {
        byte[] broken = [.. U32(1), .. U32(1), .. U32(1), .. U32(1), .. U32(0), .. U32(1), .. U32(2), .. U32(1),
            .. U32(1001), .. U32(64), .. new byte[16]]; // extended_switch claiming 64 bytes, 16 present
        var datagram = new SFlowDatagramBuilder()
            .Sample(1, broken)
            .FlowSample(1, 1, 2, SampledHeader(64, VlanIPv6Tcp()))
            .Build();

        Assert.Equal(new DecodeResult(DecodeStatus.Malformed, 1, 0), (Decode(datagram)).WithoutSequence());
    }

    [Fact]
    public void Decode_FewerSamplesThanDeclared_ReturnsTruncated()
    {
        var datagram = new SFlowDatagramBuilder().FlowSample(1, 1, 2, SampledHeader(64, VlanIPv6Tcp())).Build(declaredSampleCount: 3);

        Assert.Equal(new DecodeResult(DecodeStatus.Truncated, 1, 0), (Decode(datagram)).WithoutSequence());
    }

    [Theory]
    [InlineData(new byte[] { 0, 0, 0, 4, 0, 0, 0, 1 }, DecodeStatus.UnsupportedVersion)] // sFlow v4
    [InlineData(new byte[] { 0, 0, 0, 5, 0, 0, 0, 1, 192, 0 }, DecodeStatus.Truncated)] // agent address cut
    [InlineData(new byte[] { 0, 0, 0, 5, 0, 0, 0, 3 }, DecodeStatus.Malformed)] // address type 3
    [InlineData(new byte[] { 0, 0, 0, 5 }, DecodeStatus.Truncated)]
    public void Decode_BrokenHeader_ReturnsStatus(byte[] datagram, DecodeStatus expected)
    {
        Assert.Equal(DecodeResult.Failed(expected), (Decode(datagram)).WithoutSequence());
    }

    [Fact]
    public void Decode_ZeroSamplingRate_CountsAsUnsampled()
    {
        Decode(new SFlowDatagramBuilder().FlowSample(0, 1, 2, SampledHeader(64, VlanIPv6Tcp())).Build());

        Assert.Equal(1u, _sink.Flows[0].SamplingRate);
    }
}
