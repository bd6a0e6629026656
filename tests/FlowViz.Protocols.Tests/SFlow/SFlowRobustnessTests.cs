using CsCheck;
using FlowViz.Core.Flows;
using static FlowViz.Protocols.Tests.SFlow.PacketBytes;
using static FlowViz.Protocols.Tests.SFlow.SFlowDatagramBuilder;

namespace FlowViz.Protocols.Tests.SFlow;

/// <summary>
/// Property tests for the sFlow decoder: no input makes it throw or read outside the datagram, and what it
/// emits is always possible (one packet per sample, a sampling rate ≥ 1, 12-bit VLANs, 20-bit labels…).
/// </summary>
public class SFlowRobustnessTests
{
    /// <summary>The pmacct fixtures and hand-built datagrams that reach every record format.</summary>
    private static readonly byte[][] Seeds =
    [
        .. Fixture.All("sflow").Select(Fixture.Payload),
        new SFlowDatagramBuilder(System.Net.IPAddress.Parse("2001:db8::1").GetAddressBytes())
            .ExpandedFlowSample(64, (0, 7), (2, 3),
                ExtendedSwitch(10, 20),
                SampledHeader(200, Ethernet(0x8100, [.. Tag(0x8847, 5), .. MplsLabel(99, true),
                    .. IPv6("2001:db8::1", "2001:db8::2", 0, [6, 0, 0, 0, 0, 0, 0, 0, .. Tcp(1, 2, 0x02)])])),
                ExtendedRouter([10, 0, 0, 1], 8, 24),
                ExtendedGateway([10, 0, 0, 2], 64500, 64501, 64502, (2, [1, 2, 3])),
                SampledIPv4(100, 17, [1, 1, 1, 1], [2, 2, 2, 2], 53, 53, 0, 0))
            .CounterSample(true, InterfaceCounters(4))
            .Build(),
    ];

    private static readonly Gen<byte[]> MutatedSeed =
        from index in Gen.Int[0, Seeds.Length - 1]
        let payload = Seeds[index]
        from length in Gen.Int[1, payload.Length]
        from flips in Gen.Int[0, length * 8 - 1].Array[0, 8]
        select Mutate(payload, length, flips);

    /// <summary>A valid header (IPv4 agent, 1..8 samples declared) over random bytes.</summary>
    private static readonly Gen<byte[]> RandomBehindHeader =
        Gen.Select(Gen.UInt[0, 8], Gen.Byte.Array[0, 1500],
            (count, rest) => (byte[])[.. U32(5), .. U32(1), 192, 0, 2, 1, .. U32(0), .. U32(1), .. U32(1), .. U32(count), .. rest]);

    /// <summary>One flow sample holding one sampled_header record whose header bytes are random.</summary>
    private static readonly Gen<byte[]> RandomSampledHeader =
        Gen.Select(Gen.UInt, Gen.Byte.Array[0, 256],
            (frameLength, header) => new SFlowDatagramBuilder().FlowSample(16, 1, 2, SampledHeader(frameLength, header)).Build());

    [Fact]
    public void Decode_TruncatedOrBitFlippedSFlow_NeverThrowsOrEmitsImpossibleValues() => MutatedSeed.Sample(Holds, iter: 5_000);

    [Fact]
    public void Decode_RandomBytesBehindSFlowHeader_NeverThrowsOrEmitsImpossibleValues() => RandomBehindHeader.Sample(Holds, iter: 5_000);

    [Fact]
    public void Decode_RandomSampledHeaderBytes_NeverThrowsOrEmitsImpossibleValues() => RandomSampledHeader.Sample(Holds, iter: 5_000);

    private static byte[] Mutate(byte[] payload, int length, int[] flips)
    {
        var mutated = payload[..length];
        foreach (var bit in flips)
        {
            mutated[bit / 8] ^= (byte)(1 << (bit % 8));
        }
        return mutated;
    }

    private static void Holds(byte[] datagram)
    {
        var sink = new RecordingCounterSink();

        var result = new FlowDatagramDecoder(TimeProvider.System).Decode(datagram, Fixture.Context, sink);

        Assert.True(Enum.IsDefined(result.Status));
        Assert.Equal(sink.Flows.Count, result.FlowCount);
        if (datagram.Length >= 2 && (datagram[0] | datagram[1]) != 0)
        {
            return; // bit flips in the version made it NetFlow: DecoderRobustnessTests covers those decoders
        }
        Assert.Equal(0, result.MissingTemplateSets);
        Assert.All(sink.Flows, f =>
        {
            Assert.Equal(FlowProtocol.SFlowV5, f.FlowProtocol);
            Assert.Equal(FlowDirection.Unknown, f.Direction);
            Assert.Equal((1UL, Fixture.ReceivedUtc, Fixture.ReceivedUtc, Fixture.ReceivedUtc),
                (f.Packets, f.TimeReceived, f.TimeStart, f.TimeEnd));
            Assert.True(f.SamplingRate >= 1);
            Assert.True(f.SrcVlan <= 4095 && f.DstVlan <= 4095);
            Assert.True(f.MplsLabel < 1 << 20);
            Assert.True(f.SrcMask <= 128 && f.DstMask <= 128);
            Assert.True(f.SrcMac >> 48 == 0 && f.DstMac >> 48 == 0);
        });
        Assert.All(sink.Counters, c => Assert.Equal(Fixture.ReceivedUtc, c.TimeReceived));
    }
}
