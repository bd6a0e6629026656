using FlowViz.Core.Flows;

namespace FlowViz.Collector.Receiving;

/// <summary>
/// One datagram on its way from a listener to a decoder. <see cref="Buffer"/> is rented from the shared
/// array pool; the decoder returns it.
/// </summary>
internal readonly record struct ReceivedDatagram(byte[] Buffer, int Length, FlowAddress Exporter, DateTime ReceivedUtc)
{
    public ReadOnlySpan<byte> Payload => Buffer.AsSpan(0, Length);
}
