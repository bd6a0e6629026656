using CsCheck;
using FlowViz.Core.Flows;

namespace FlowViz.Protocols.Tests;

/// <summary>
/// Property tests: no input makes a decoder throw or read outside the datagram, and every status it
/// returns is consistent with the flows it emitted.
/// </summary>
public class DecoderRobustnessTests
{
    private static class Plausible
    {
        public static readonly DateTime Earliest = new(1990, 1, 1, 0, 0, 0, DateTimeKind.Utc);
        public static readonly DateTime Latest = new(2100, 1, 1, 0, 0, 0, DateTimeKind.Utc);
    }

    private static readonly string[] Fixtures = [.. Fixture.All("netflow5"), .. Fixture.All("netflow9"), .. Fixture.All("ipfix")];

    private static readonly string[] IpfixFixtures = [.. Fixture.All("ipfix")];

    private static readonly Gen<byte[]> RandomDatagram = Gen.Byte.Array[0, 1500];

    /// <summary>Random bytes behind a v5, v9 or IPFIX version field, so the generator reaches the decoders.</summary>
    private static readonly Gen<byte[]> VersionedDatagram =
        Gen.Select(Gen.Int[0, 2], Gen.Byte.Array[0, 1500], (v, rest) => (byte[])[0, v switch { 0 => 5, 1 => 9, _ => 10 }, .. rest]);

    /// <summary>Random Sets behind a valid IPFIX header whose length matches, so the Set walker is reached.</summary>
    private static readonly Gen<byte[]> IpfixSets =
        Gen.Byte.Array[0, 1400].Select(sets => (byte[])[0, 10, (byte)((sets.Length + 16) >> 8), (byte)(sets.Length + 16),
            0x65, 0x53, 0xf1, 0x00, 0, 0, 0, 1, 0, 0, 0, 0, .. sets]);

    /// <summary>An IPFIX fixture, truncated somewhere and with a few bits flipped.</summary>
    private static readonly Gen<byte[]> MutatedIpfixFixture =
        from index in Gen.Int[0, IpfixFixtures.Length - 1]
        let payload = Fixture.Payload(IpfixFixtures[index])
        from length in Gen.Int[1, payload.Length]
        from flips in Gen.Int[0, length * 8 - 1].Array[0, 8]
        select Mutate(payload, length, flips);

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

    [Fact]
    public void Decode_RandomIpfixSets_NeverThrowsNorEmitsImpossibleValues() => IpfixSets.Sample(Holds, iter: 2_000);

    [Fact]
    public void Decode_TruncatedOrBitFlippedIpfixFixtures_NeverThrowsNorEmitsImpossibleValues() =>
        MutatedIpfixFixture.Sample(Holds, iter: 2_000);

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
        foreach (var file in Fixture.All("netflow9").Concat(Fixture.All("ipfix")))
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
            && f.FlowProtocol is FlowProtocol.NetFlowV5 or FlowProtocol.NetFlowV9 or FlowProtocol.Ipfix));
        // IPFIX never lets garbage through as a time or a count (IpfixTime; counters are stored as bigint).
        Assert.All(sink.Flows.Where(f => f.FlowProtocol == FlowProtocol.Ipfix), f => Assert.True(
            f.TimeStart >= Plausible.Earliest && f.TimeStart < Plausible.Latest
            && f.TimeEnd >= Plausible.Earliest && f.TimeEnd < Plausible.Latest
            && (long)f.Bytes >= 0 && (long)f.Packets >= 0, $"{f.TimeStart:O} {f.TimeEnd:O} {f.Bytes} {f.Packets}"));
    }
}
