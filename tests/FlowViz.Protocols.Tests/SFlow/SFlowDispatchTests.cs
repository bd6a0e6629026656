using FlowViz.Core.Flows;

namespace FlowViz.Protocols.Tests.SFlow;

/// <summary>
/// sFlow and NetFlow v5 both say "5", in different widths: sFlow's version is a 32-bit XDR word
/// (00 00 00 05), NetFlow v5's a 16-bit field followed by a 16-bit record count of 1..30 (00 05 00 nn).
/// The dispatcher reads 16 bits, so sFlow shows up as 0 and the two can never be confused.
/// </summary>
public class SFlowDispatchTests
{
    private readonly FlowDatagramDecoder _decoder = new(TimeProvider.System);
    private readonly RecordingSink _sink = new();

    [Fact]
    public void Decode_SFlowFixture_GoesToSFlowDecoder()
    {
        var result = _decoder.Decode(Fixture.Payload("sflow/pmacct-mixed-1.bin"), Fixture.Context, _sink);

        Assert.Equal(new DecodeResult(DecodeStatus.Ok, 8, 0), (result).WithoutSequence());
        Assert.All(_sink.Flows, f => Assert.Equal(FlowProtocol.SFlowV5, f.FlowProtocol));
    }

    [Fact]
    public void Decode_BytesAfterTheDeclaredSamples_IgnoredAndRecordsUnchanged()
    {
        // The first sFlow fixtures carried such a tail by accident (see Fixtures/README.md); the decoder
        // tolerates it, as it tolerates trailing padding in NetFlow.
        var datagram = Fixture.Payload("sflow/pmacct-bulk-1.bin");
        _decoder.Decode(datagram, Fixture.Context, _sink);
        var clean = _sink.Flows.ToList();
        _sink.Flows.Clear();

        var result = _decoder.Decode([.. datagram, .. "bbbbbbbbbbbbbbbbbbbbbbbbbbbbb"u8], Fixture.Context, _sink);

        Assert.Equal((DecodeStatus.Ok, 8), (result.Status, result.FlowCount));
        Assert.Equal(clean, _sink.Flows);
    }

    [Fact]
    public void Decode_NetFlowV5Fixture_StillGoesToNetFlowV5Decoder()
    {
        var result = _decoder.Decode(Fixture.Payload("netflow5/softflowd-mixed-1.bin"), Fixture.Context, _sink);

        Assert.Equal(new DecodeResult(DecodeStatus.Ok, 6, 0), (result).WithoutSequence());
        Assert.All(_sink.Flows, f => Assert.Equal(FlowProtocol.NetFlowV5, f.FlowProtocol));
    }

    [Theory]
    [InlineData(new byte[] { 0, 5, 0, 5, 0, 0, 0, 1 }, DecodeStatus.Truncated)] // NetFlow v5 header announcing 5 records, cut
    [InlineData(new byte[] { 0, 5, 0, 0, 0, 0, 0, 5 }, DecodeStatus.Truncated)] // NetFlow v5, shorter than its 24-byte header
    [InlineData(new byte[] { 0, 0, 0, 5, 0, 0, 0, 1 }, DecodeStatus.Truncated)] // sFlow v5, agent address missing
    [InlineData(new byte[] { 0, 0, 0, 5, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0 }, DecodeStatus.Ok)] // sFlow, no samples
    [InlineData(new byte[] { 0, 0, 0, 9 }, DecodeStatus.UnsupportedVersion)] // not an sFlow version
    [InlineData(new byte[] { 0, 0, 5 }, DecodeStatus.Truncated)] // too short for a 32-bit version
    public void Decode_FirstWordFive_DisambiguatedByWidth(byte[] datagram, DecodeStatus expected)
    {
        Assert.Equal(expected, _decoder.Decode(datagram, Fixture.Context, _sink).Status);
    }

    [Fact]
    public void Decode_NetFlowV5HeaderWithCountFive_IsNotTakenForSFlow()
    {
        // A whole NetFlow v5 datagram whose count is 5: bytes 00 05 00 05 — the second 16 bits equal
        // sFlow's version, but only the first 16 bits choose the decoder.
        var payload = Fixture.Payload("netflow5/softflowd-bulk-2.bin")[..(24 + 5 * 48)];
        payload[3] = 5;

        var result = _decoder.Decode(payload, Fixture.Context, _sink);

        Assert.Equal(new DecodeResult(DecodeStatus.Ok, 5, 0), (result).WithoutSequence());
        Assert.All(_sink.Flows, f => Assert.Equal(FlowProtocol.NetFlowV5, f.FlowProtocol));
    }
}
