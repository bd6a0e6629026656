namespace FlowViz.Protocols.Tests;

public class FlowDatagramDecoderTests
{
    private readonly FlowDatagramDecoder _decoder = new(TimeProvider.System);
    private readonly RecordingSink _sink = new();

    [Theory]
    [InlineData(new byte[] { 0, 0, 0, 4 })] // sFlow v4 (its version is a 32-bit word): only v5 is decoded
    [InlineData(new byte[] { 0, 1, 0, 0 })]
    public void Decode_OtherVersion_ReturnsUnsupportedVersion(byte[] datagram)
    {
        Assert.Equal(DecodeResult.Failed(DecodeStatus.UnsupportedVersion), (_decoder.Decode(datagram, Fixture.Context, _sink)).WithoutSequence());
    }

    [Fact]
    public void Decode_Version10_GoesToIpfixDecoder()
    {
        // Shorter than the 16-byte IPFIX message header (RFC 7011 §3.1): the IPFIX decoder says truncated.
        Assert.Equal(DecodeResult.Failed(DecodeStatus.Truncated), (_decoder.Decode(new byte[] { 0, 10, 0, 16 }, Fixture.Context, _sink)).WithoutSequence());
    }

    [Theory]
    [InlineData(new byte[0])]
    [InlineData(new byte[] { 0 })]
    public void Decode_ShorterThanVersion_ReturnsTruncated(byte[] datagram)
    {
        Assert.Equal(DecodeResult.Failed(DecodeStatus.Truncated), (_decoder.Decode(datagram, Fixture.Context, _sink)).WithoutSequence());
    }
}
