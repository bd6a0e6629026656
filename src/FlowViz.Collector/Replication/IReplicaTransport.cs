namespace FlowViz.Collector.Replication;

/// <summary>
/// Where one receiver's copies go. The UDP socket in production; the tests substitute a transport they can
/// hold, because over real UDP a slow receiver loses datagrams in its own kernel buffer and never slows the sender.
/// </summary>
internal interface IReplicaTransport : IDisposable
{
    /// <summary>Hands one datagram to the network; throws <see cref="System.Net.Sockets.SocketException"/> when refused.</summary>
    ValueTask SendAsync(ReadOnlyMemory<byte> datagram);
}
