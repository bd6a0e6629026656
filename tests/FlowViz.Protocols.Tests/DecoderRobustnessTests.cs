using CsCheck;
using FlowViz.Core.Flows;

namespace FlowViz.Protocols.Tests;

/// <summary>
/// Property tests: no input makes a decoder throw or read outside the datagram, and every status it
/// returns is consistent with the flows it emitted.
/// </summary>
public class DecoderRobustnessTests
{
    private static readonly string[] Fixtures = [.. Fixture.All("netflow5"), .. Fixture.All("netflow9")];

    private static readonly Gen<byte[]> RandomDatagram = Gen.Byte.Array[0, 1500];

    /// <summary>Random bytes behind a v5 or v9 version field, so the generator reaches the decoders.</summary>
    private static readonly Gen<byte[]> VersionedDatagram =
        Gen.Select(Gen.Bool, Gen.Byte.Array[0, 1500], (v9, rest) => (byte[])[0, v9 ? (byte)9 : (byte)5, .. rest]);

    /// <summary>A real fixture, truncated somewhere and with a few bits flipped.</summary>
    private static readonly Gen<byte[]> MutatedFixture =
        from index in Gen.Int[0, Fixtures.Length - 1]
        let payload = Fixture.Payload(Fixtures[index])
        from length in Gen.Int[1, payload.Length]
        from flips in Gen.Int[0, length * 8 - 1].Array[0, 8]
        select Mutate(payload, length, flips);

    [Fact]
    public void Decode_RandomBytes_NeverThrows() => RandomDatagram.Sample(Holds, iter: 5_000);

    [Fact]
    public void Decode_RandomBytesBehindVersion_NeverThrows() => VersionedDatagram.Sample(Holds, iter: 5_000);

    [Fact]
    public void Decode_TruncatedOrBitFlippedFixtures_NeverThrows() => MutatedFixture.Sample(Holds, iter: 5_000);

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
        // A decoder that already holds the fixtures' templates, so mutated data FlowSets get decoded.
        var decoder = new FlowDatagramDecoder(TimeProvider.System);
        foreach (var file in Fixture.All("netflow9"))
        {
            decoder.Decode(Fixture.Payload(file), Fixture.Context, new RecordingSink());
        }
        var sink = new RecordingSink();

        var result = decoder.Decode(datagram, Fixture.Context, sink);

        Assert.True(Enum.IsDefined(result.Status));
        Assert.Equal(sink.Flows.Count, result.FlowCount);
        Assert.True(result.MissingTemplateSets >= 0);
        Assert.True(result.Status != DecodeStatus.Ok || result.MissingTemplateSets == 0);
        Assert.All(sink.Flows, f => Assert.True(f.SamplingRate >= 1 && f.TimeReceived == Fixture.ReceivedUtc
            && f.FlowProtocol is FlowProtocol.NetFlowV5 or FlowProtocol.NetFlowV9));
    }
}
