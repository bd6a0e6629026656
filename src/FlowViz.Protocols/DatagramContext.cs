using FlowViz.Core.Flows;

namespace FlowViz.Protocols;

/// <summary>Where and when a datagram arrived: the facts a decoder cannot read from the payload.</summary>
/// <param name="Exporter">The datagram's source address.</param>
/// <param name="ReceivedUtc">The collector's clock at receipt, stamped on every flow as its time axis.</param>
public readonly record struct DatagramContext(FlowAddress Exporter, DateTime ReceivedUtc);
