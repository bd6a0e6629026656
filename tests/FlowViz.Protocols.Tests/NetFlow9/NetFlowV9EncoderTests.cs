using CsCheck;
using FlowViz.Core.Flows;
using FlowViz.Protocols.NetFlow9;

namespace FlowViz.Protocols.Tests.NetFlow9;

public class NetFlowV9EncoderTests
{
    private const uint SourceId = 77;
    private const uint SysUptimeMs = 123_456_789;

    /// <summary>What the decoder adds to an encoded flow: the receive context and the packet's identity.</summary>
    private static FlowRecord AsDecoded(FlowRecord flow)
    {
        flow.TimeReceived = Fixture.ReceivedUtc;
        flow.Exporter = Fixture.Exporter;
        flow.FlowProtocol = FlowProtocol.NetFlowV9;
        flow.ObservationDomainId = SourceId;
        flow.SamplingRate = Math.Max(flow.SamplingRate, 1);
        return flow;
    }

    private static List<FlowRecord> RoundTrip(FlowRecord[] flows, out int datagrams)
    {
        var encoder = new NetFlowV9Encoder(SourceId);
        var decoder = new FlowDatagramDecoder(TimeProvider.System);
        var sink = new RecordingSink();
        var buffer = new byte[NetFlowV9Encoder.MaxDatagramSize];
        datagrams = 0;
        for (var consumed = 0; consumed < flows.Length; datagrams++)
        {
            var length = encoder.Encode(buffer, flows.AsSpan(consumed), FlowGen.ExportTime, SysUptimeMs,
                includeTemplates: datagrams == 0, out var written);
            Assert.True(written > 0);
            var result = decoder.Decode(buffer.AsSpan(0, length), Fixture.Context, sink);
            Assert.Equal(new DecodeResult(DecodeStatus.Ok, written, 0), (result).WithoutSequence());
            consumed += written;
        }
        return sink.Flows;
    }

    [Fact]
    public void Encode_IPv4AndIPv6Flows_DecodeToEveryField()
    {
        var start = FlowGen.ExportTime.AddSeconds(-30).AddMilliseconds(-7);
        FlowRecord[] flows =
        [
            new()
            {
                TimeStart = start, TimeEnd = start.AddMilliseconds(1_234),
                SrcAddr = FlowAddress.Parse("192.0.2.1"), DstAddr = FlowAddress.Parse("198.51.100.2"),
                NextHop = FlowAddress.Parse("203.0.113.254"), SrcPort = 51_000, DstPort = 443, Protocol = 6,
                TcpFlags = 0x1b, Tos = 0xb8, InputInterface = 70_000, OutputInterface = 2, Bytes = 5_000_000_000,
                Packets = 4_000_000, SamplingRate = 100, SrcAs = 4_200_000_000, DstAs = 15_169, SrcMask = 24,
                DstMask = 16, SrcVlan = 10, DstVlan = 20, Direction = FlowDirection.Egress, SrcMac = 0x0200_0000_0001,
                DstMac = 0x0200_0000_0002, MplsLabel = 16_001,
            },
            new()
            {
                TimeStart = start, TimeEnd = start,
                SrcAddr = FlowAddress.Parse("2001:db8::1"), DstAddr = FlowAddress.Parse("2001:db8:1::2"),
                NextHop = FlowAddress.Parse("fe80::1"), SrcPort = 0, DstPort = 128 * 256, Protocol = 58,
                Bytes = 80, Packets = 1, SamplingRate = 1, SrcMask = 48, DstMask = 64, Direction = FlowDirection.Unknown,
            },
        ];

        var decoded = RoundTrip(flows, out _);

        Assert.Equal(flows.Select(AsDecoded), decoded);
    }

    [Fact]
    public void Encode_RandomFlows_RoundTripThroughDecoder() =>
        FlowGen.V9.Array[1, 200].Sample(flows =>
        {
            var decoded = RoundTrip(flows, out _);
            Assert.Equal(flows.Select(AsDecoded), decoded);
        }, iter: 200);

    [Fact]
    public void Encode_ManyFlows_SplitsIntoDatagramsOfAtMostMaxSize()
    {
        var flows = FlowGen.V9.Array[1000].Single();
        var encoder = new NetFlowV9Encoder(SourceId);
        var buffer = new byte[NetFlowV9Encoder.MaxDatagramSize];
        var sequences = new List<uint>();
        for (var consumed = 0; consumed < flows.Length; consumed += 0)
        {
            var length = encoder.Encode(buffer, flows.AsSpan(consumed), FlowGen.ExportTime, SysUptimeMs, true, out var written);
            Assert.InRange(length, 1, NetFlowV9Encoder.MaxDatagramSize);
            Assert.Equal(0, length % 4); // every FlowSet padded to 32 bits
            sequences.Add(System.Buffers.Binary.BinaryPrimitives.ReadUInt32BigEndian(buffer.AsSpan(12)));
            consumed += written;
        }

        Assert.Equal(Enumerable.Range(0, sequences.Count).Select(i => (uint)i), sequences);
        Assert.Equal(1000, RoundTrip(flows, out var datagrams).Count);
        Assert.True(datagrams > 1);
    }

    [Fact]
    public void Encode_TemplatesOnly_WritesHeaderAndBothTemplatesThatDecoderStores()
    {
        var buffer = new byte[NetFlowV9Encoder.MaxDatagramSize];
        var decoder = new FlowDatagramDecoder(TimeProvider.System);

        var length = new NetFlowV9Encoder(SourceId).Encode(buffer, [], FlowGen.ExportTime, SysUptimeMs, true, out var written);
        var result = decoder.Decode(buffer.AsSpan(0, length), Fixture.Context, new RecordingSink());

        Assert.Equal((232, 0), (length, written)); // the size the Encode documentation promises
        Assert.Equal(new DecodeResult(DecodeStatus.Ok, 0, 0), (result).WithoutSequence());
        Assert.Equal(85, decoder.Templates.Find(new(Fixture.Exporter, FlowProtocol.NetFlowV9, SourceId, 256))?.RecordLength);
        Assert.Equal(121, decoder.Templates.Find(new(Fixture.Exporter, FlowProtocol.NetFlowV9, SourceId, 257))?.RecordLength);
    }

    [Fact]
    public void Encode_DestinationTooSmallForTemplates_Throws()
    {
        var encoder = new NetFlowV9Encoder(SourceId);

        Assert.Throws<ArgumentOutOfRangeException>(() =>
            encoder.Encode(new byte[40], [], FlowGen.ExportTime, SysUptimeMs, includeTemplates: true, out _));
    }
}
