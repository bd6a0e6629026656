using System.Buffers.Binary;
using CsCheck;
using FlowViz.Core.Flows;
using FlowViz.Protocols.Ipfix;

namespace FlowViz.Protocols.Tests.Ipfix;

public class IpfixEncoderTests
{
    private const uint DomainId = 42;

    /// <summary>What the decoder adds to an encoded flow: the receive context and the message's identity.</summary>
    private static FlowRecord AsDecoded(FlowRecord flow)
    {
        flow.TimeReceived = Fixture.ReceivedUtc;
        flow.Exporter = Fixture.Exporter;
        flow.FlowProtocol = FlowProtocol.Ipfix;
        flow.ObservationDomainId = DomainId;
        flow.SamplingRate = Math.Max(flow.SamplingRate, 1);
        // The IPFIX decoder stores counters as bigint and clamps anything above long.MaxValue as corrupt.
        flow.Bytes = Math.Min(flow.Bytes, long.MaxValue);
        flow.Packets = Math.Min(flow.Packets, long.MaxValue);
        return flow;
    }

    private static List<FlowRecord> RoundTrip(FlowRecord[] flows, out List<uint> sequences)
    {
        var encoder = new IpfixEncoder(DomainId);
        var decoder = new FlowDatagramDecoder(TimeProvider.System);
        var sink = new RecordingSink();
        var buffer = new byte[IpfixEncoder.MaxDatagramSize];
        sequences = [];
        for (var consumed = 0; consumed < flows.Length;)
        {
            var length = encoder.Encode(buffer, flows.AsSpan(consumed), FlowGen.ExportTime, includeTemplates: consumed == 0, out var written);
            Assert.True(written > 0);
            Assert.Equal(length, BinaryPrimitives.ReadUInt16BigEndian(buffer.AsSpan(2)));
            sequences.Add(BinaryPrimitives.ReadUInt32BigEndian(buffer.AsSpan(8)));
            var result = decoder.Decode(buffer.AsSpan(0, length), Fixture.Context, sink);
            Assert.Equal(new DecodeResult(DecodeStatus.Ok, written, 0), result.WithoutSequence());
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

        Assert.Equal(flows.Select(AsDecoded), RoundTrip(flows, out _));
    }

    [Fact]
    public void Encode_RandomFlows_RoundTripThroughDecoder() =>
        FlowGen.V9.Array[1, 200].Sample(flows =>
        {
            var decoded = RoundTrip(flows, out _);
            for (var i = 0; i < flows.Length; i++)
            {
                Assert.True(AsDecoded(flows[i]).Equals(decoded[i]), Differences(AsDecoded(flows[i]), decoded[i]));
            }
        }, iter: 200);

    /// <summary>Names the fields that differ: a whole-record mismatch says nothing about which one.</summary>
    private static string Differences(FlowRecord expected, FlowRecord actual) => string.Join(", ",
        typeof(FlowRecord).GetFields().Where(f => !f.IsStatic && !Equals(f.GetValue(expected), f.GetValue(actual)))
            .Select(f => $"{f.Name}: expected {f.GetValue(expected)}, got {f.GetValue(actual)}"));

    [Fact]
    public void Encode_ManyFlows_SequenceCountsDataRecordsSentBefore()
    {
        var flows = FlowGen.V9.Array[1000].Single();

        var decoded = RoundTrip(flows, out var sequences);

        Assert.Equal(1000, decoded.Count);
        Assert.True(sequences.Count > 1);
        Assert.Equal(0u, sequences[0]);
        Assert.All(sequences, s => Assert.True(s < 1000));
        Assert.Equal(sequences.Order(), sequences); // RFC 7011 §3.1: the count of Data Records before this message
    }

    [Fact]
    public void Encode_DestinationTooSmallForTemplates_Throws() =>
        Assert.Throws<ArgumentOutOfRangeException>(() =>
            new IpfixEncoder(DomainId).Encode(new byte[40], [], FlowGen.ExportTime, includeTemplates: true, out _));
}
