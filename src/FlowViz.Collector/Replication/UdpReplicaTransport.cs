using System.Net;
using System.Net.Sockets;

namespace FlowViz.Collector.Replication;

/// <summary>
/// One UDP socket per receiver, sending from FlowViz's own address (nfacctd's tee without tee_transparent).
/// The socket is connected so that the kernel reports an ICMP port unreachable for an earlier datagram as
/// ConnectionRefused on a later send: a receiver that is down is then counted, not just silently fed.
/// An unconnected socket would hide that error on Linux.
/// </summary>
internal sealed class UdpReplicaTransport : IReplicaTransport
{
    private readonly Socket _socket;

    private UdpReplicaTransport(IPEndPoint target)
    {
        _socket = new Socket(target.AddressFamily, SocketType.Dgram, ProtocolType.Udp);
        // Connect on UDP sends nothing: it fixes the peer and picks the local address and port.
        _socket.Connect(target);
    }

    public static IReplicaTransport Connect(IPEndPoint target) => new UdpReplicaTransport(target);

    public ValueTask SendAsync(ReadOnlyMemory<byte> datagram) =>
        // A UDP send completes as soon as the kernel has the datagram, so this rarely truly waits.
        DiscardLength(_socket.SendAsync(datagram, SocketFlags.None));

    public void Dispose() => _socket.Dispose();

    private static ValueTask DiscardLength(ValueTask<int> send) =>
        send.IsCompletedSuccessfully ? ValueTask.CompletedTask : AwaitAsync(send);

    private static async ValueTask AwaitAsync(ValueTask<int> send) => await send;
}
