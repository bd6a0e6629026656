using FlowViz.Core.Flows;
using FlowViz.Protocols.SFlow;
using static FlowViz.Protocols.Tests.SFlow.PacketBytes;
using static FlowViz.Protocols.Tests.SFlow.SFlowDatagramBuilder;

namespace FlowViz.Protocols.Tests.SFlow;

/// <summary>
/// The raw packet header record (sampled_header, 0:1): tags, labels, IP versions, extension headers,
/// fragments, ICMP and headers cut short, each in a hand-built flow sample.
/// </summary>
public class SFlowSampledHeaderTests
{
    private readonly RecordingCounterSink _sink = new();

    private DecodeResult Decode(byte[] datagram) => SFlowV5Decoder.Decode(datagram, Fixture.Context, _sink);

    [Fact]
    public void Decode_QinQ_KeepsOuterVlan()
    {
        byte[] frame = [.. DstMac, .. SrcMac, .. Tag(0x88A8, 300), .. Tag(0x8100, 42), .. U16(0x0800),
            .. IPv4("10.0.0.1", "10.0.0.2", 17, Udp(1000, 2000))];

        Decode(new SFlowDatagramBuilder().FlowSample(1, 1, 2, SampledHeader(64, frame)).Build());

        var flow = Assert.Single(_sink.Flows);
        Assert.Equal((ushort)300, flow.SrcVlan);
        Assert.Equal((FlowAddress.Parse("10.0.0.1"), (ushort)1000, (ushort)2000, (byte)17),
            (flow.SrcAddr, flow.SrcPort, flow.DstPort, flow.Protocol));
    }

    [Fact]
    public void Decode_MplsLabelStack_KeepsTopLabelAndReadsInnerIPv4()
    {
        byte[] frame = Ethernet(0x8847, [.. MplsLabel(16_001, bottom: false), .. MplsLabel(24, bottom: true),
            .. IPv4("198.51.100.1", "203.0.113.9", 6, Tcp(33000, 22, 0x02), tos: 0x10)]);

        Decode(new SFlowDatagramBuilder().FlowSample(100, 1, 2, SampledHeader(82, frame)).Build());

        var flow = Assert.Single(_sink.Flows);
        Assert.Equal(16_001u, flow.MplsLabel);
        Assert.Equal((FlowAddress.Parse("198.51.100.1"), FlowAddress.Parse("203.0.113.9"), (ushort)33000, (ushort)22, (byte)0x02, (byte)0x10),
            (flow.SrcAddr, flow.DstAddr, flow.SrcPort, flow.DstPort, flow.TcpFlags, flow.Tos));
    }

    [Fact]
    public void Decode_MplsOverIPv6_ReadsInnerIPv6ByVersionNibble()
    {
        byte[] frame = Ethernet(0x8847, [.. MplsLabel(777, bottom: true), .. IPv6("2001:db8::a", "2001:db8::b", 17, Udp(53, 5353))]);

        Decode(new SFlowDatagramBuilder().FlowSample(1, 1, 2, SampledHeader(100, frame)).Build());

        var flow = Assert.Single(_sink.Flows);
        Assert.Equal((777u, FlowAddress.Parse("2001:db8::a"), (ushort)5353), (flow.MplsLabel, flow.SrcAddr, flow.DstPort));
    }

    [Fact]
    public void Decode_HeaderTruncatedAfterIPv4_KeepsAddressesAndFrameLength()
    {
        // Only 14 + 20 bytes of a 1500-byte frame: the IPv4 header is whole, the TCP header is missing.
        var full = Ethernet(0x0800, IPv4("192.0.2.1", "192.0.2.2", 6, Tcp(1, 2, 0x10), totalLength: 1482));

        Decode(new SFlowDatagramBuilder().FlowSample(1000, 5, 6, SampledHeader(1500, full[..34])).Build());

        var flow = Assert.Single(_sink.Flows);
        Assert.Equal((FlowAddress.Parse("192.0.2.1"), FlowAddress.Parse("192.0.2.2"), (byte)6, (ushort)0, (ushort)0, 1500UL, 1_500_000UL),
            (flow.SrcAddr, flow.DstAddr, flow.Protocol, flow.SrcPort, flow.DstPort, flow.Bytes, flow.ScaledBytes));
    }

    [Theory]
    [InlineData(10)] // not even an Ethernet header
    [InlineData(20)] // Ethernet, half an IPv4 header
    [InlineData(40)] // Ethernet, IPv4, the first 6 bytes of the UDP header
    public void Decode_HeaderCutAnywhere_EmitsWhatIsThere(int length)
    {
        var frame = Ethernet(0x0800, IPv4("192.0.2.1", "192.0.2.2", 17, Udp(1, 2, 100)));

        Decode(new SFlowDatagramBuilder().FlowSample(1, 5, 6, SampledHeader(146, frame[..length])).Build());

        var flow = Assert.Single(_sink.Flows);
        Assert.Equal(146UL, flow.Bytes);
        Assert.Equal(length >= 34, flow.SrcAddr == FlowAddress.Parse("192.0.2.1"));
        Assert.Equal(length >= 14, flow.SrcMac != 0);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Decode_IcmpOverIPv4AndIPv6_PutsTypeAndCodeInDstPort(bool ipv6)
    {
        var frame = ipv6
            ? Ethernet(0x86DD, IPv6("2001:db8::1", "2001:db8::2", 58, Icmp(1, 4))) // destination unreachable, port
            : Ethernet(0x0800, IPv4("192.0.2.1", "192.0.2.2", 1, Icmp(3, 3)));

        Decode(new SFlowDatagramBuilder().FlowSample(1, 1, 2, SampledHeader(90, frame)).Build());

        var flow = Assert.Single(_sink.Flows);
        Assert.Equal(ipv6 ? (ushort)(1 * 256 + 4) : (ushort)(3 * 256 + 3), flow.DstPort);
        Assert.Equal(ipv6 ? (byte)58 : (byte)1, flow.Protocol);
    }

    [Fact]
    public void Decode_IPv6WithHopByHopAndFragmentHeaders_ReadsTransportBehindThem()
    {
        // Hop-by-Hop (0): next header 44, Hdr Ext Len 0 (8 bytes); Fragment (44): next header 17, offset 0.
        byte[] extensions = [44, 0, 0, 0, 0, 0, 0, 0, 17, 0, 0, 1, 0, 0, 0, 9];
        var frame = Ethernet(0x86DD, IPv6("2001:db8::1", "2001:db8::2", 0, [.. extensions, .. Udp(4000, 4001)]));

        Decode(new SFlowDatagramBuilder().FlowSample(1, 1, 2, SampledHeader(100, frame)).Build());

        var flow = Assert.Single(_sink.Flows);
        Assert.Equal(((byte)17, (ushort)4000, (ushort)4001), (flow.Protocol, flow.SrcPort, flow.DstPort));
    }

    [Fact]
    public void Decode_LaterIPv4Fragment_HasNoPorts()
    {
        byte[] ip = IPv4("192.0.2.1", "192.0.2.2", 17, Udp(1, 2));
        ip[6] = 0x00;
        ip[7] = 0xB9; // fragment offset 185 × 8: the bytes where ports would be are payload

        Decode(new SFlowDatagramBuilder().FlowSample(1, 1, 2, SampledHeader(60, Ethernet(0x0800, ip))).Build());

        var flow = Assert.Single(_sink.Flows);
        Assert.Equal(((byte)17, (ushort)0, (ushort)0), (flow.Protocol, flow.SrcPort, flow.DstPort));
    }
}
