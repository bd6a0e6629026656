namespace FlowViz.Protocols;
// TEMPORARY STUB (not committed) until the protocols branch lands
public sealed class FlowDatagramDecoder(TimeProvider time)
{
    public TimeProvider Time { get; } = time;

    public DecodeResult Decode(ReadOnlySpan<byte> datagram, in DatagramContext context, IFlowRecordSink sink) => DecodeResult.Failed(DecodeStatus.UnsupportedVersion);
}
