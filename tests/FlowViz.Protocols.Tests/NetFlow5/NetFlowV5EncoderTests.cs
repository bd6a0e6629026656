using System.Buffers.Binary;
using CsCheck;
using FlowViz.Core.Flows;
using FlowViz.Protocols.NetFlow5;

namespace FlowViz.Protocols.Tests.NetFlow5;

public class NetFlowV5EncoderTests
{
    private const uint SysUptimeMs = 3_000_000;
    private readonly FlowDatagramDecoder _decoder = new(TimeProvider.System);
    private readonly RecordingSink _sink = new();

    private static FlowRecord AsDecoded(FlowRecord flow, uint samplingRate)
    {
        flow.TimeReceived = Fixture.ReceivedUtc;
        flow.Exporter = Fixture.Exporter;
        flow.FlowProtocol = FlowProtocol.NetFlowV5;
        flow.SamplingRate = samplingRate;
        return flow;
    }

    [Fact]
    public void Encode_RandomIPv4Flows_RoundTripThroughDecoder() =>
        FlowGen.V5.Array[1, 30].Sample(flows =>
        {
            var encoder = new NetFlowV5Encoder(1, 2) { SamplingInterval = 64 };
            var buffer = new byte[NetFlowV5Encoder.MaxDatagramSize];
            var sink = new RecordingSink();

            var length = encoder.Encode(buffer, flows, FlowGen.ExportTime, SysUptimeMs, false, out var written);
            var result = _decoder.Decode(buffer.AsSpan(0, length), Fixture.Context, sink);

            Assert.Equal(flows.Length, written);
            Assert.Equal(new DecodeResult(DecodeStatus.Ok, flows.Length, 0), (result).WithoutSequence());
            Assert.Equal(flows.Select(f => AsDecoded(f, 64)), sink.Flows);
        }, iter: 300);

    [Fact]
    public void Encode_MoreThan30Flows_WritesFirst30AndAdvancesSequence()
    {
        var flows = FlowGen.V5.Array[45].Single();
        var encoder = new NetFlowV5Encoder(0, 0);
        var buffer = new byte[NetFlowV5Encoder.MaxDatagramSize];

        var first = encoder.Encode(buffer, flows, FlowGen.ExportTime, SysUptimeMs, false, out var firstWritten);
        encoder.Encode(buffer, flows.AsSpan(firstWritten), FlowGen.ExportTime, SysUptimeMs, false, out var secondWritten);

        Assert.Equal((24 + 30 * 48, 30, 15), (first, firstWritten, secondWritten));
        Assert.Equal(30u, BinaryPrimitives.ReadUInt32BigEndian(buffer.AsSpan(16))); // flow_sequence of the second
    }

    [Fact]
    public void Encode_IPv6Flows_SkippedButConsumed()
    {
        var v4 = FlowGen.V5.Single();
        var v6 = new FlowRecord { SrcAddr = FlowAddress.Parse("2001:db8::1"), DstAddr = FlowAddress.Parse("2001:db8::2") };
        var encoder = new NetFlowV5Encoder(0, 0);
        var buffer = new byte[NetFlowV5Encoder.MaxDatagramSize];

        var onlyV6 = encoder.Encode(buffer, [v6, v6], FlowGen.ExportTime, SysUptimeMs, false, out var v6Written);
        var mixed = encoder.Encode(buffer, [v6, v4, v6], FlowGen.ExportTime, SysUptimeMs, false, out var mixedWritten);
        _decoder.Decode(buffer.AsSpan(0, mixed), Fixture.Context, _sink);

        Assert.Equal((0, 2), (onlyV6, v6Written));
        Assert.Equal((24 + 48, 3), (mixed, mixedWritten));
        Assert.Equal([AsDecoded(v4, 1)], _sink.Flows);
    }

    [Fact]
    public void Encode_ValuesWiderThanV5_Clamped()
    {
        var flow = FlowGen.V5.Single();
        flow.Bytes = 1UL << 40;
        flow.InputInterface = 100_000;
        flow.SrcAs = 4_200_000_000;
        var buffer = new byte[NetFlowV5Encoder.MaxDatagramSize];

        var length = new NetFlowV5Encoder(0, 0).Encode(buffer, [flow], FlowGen.ExportTime, SysUptimeMs, false, out _);
        _decoder.Decode(buffer.AsSpan(0, length), Fixture.Context, _sink);

        Assert.Equal((uint.MaxValue, 65_535u, 23_456u),
            ((uint)_sink.Flows[0].Bytes, _sink.Flows[0].InputInterface, _sink.Flows[0].SrcAs));
    }
}
