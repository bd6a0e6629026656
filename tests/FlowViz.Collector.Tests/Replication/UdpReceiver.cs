using System.Net;
using System.Net.Sockets;

namespace FlowViz.Collector.Tests.Replication;

/// <summary>A real UDP socket on loopback standing in for a backup collector; keeps every datagram it gets.</summary>
internal sealed class UdpReceiver : IDisposable
{
    private readonly Socket _socket;
    private readonly List<byte[]> _datagrams = [];
    private readonly Lock _lock = new();
    private readonly Task _loop;

    public UdpReceiver(IPAddress address)
    {
        _socket = new Socket(address.AddressFamily, SocketType.Dgram, ProtocolType.Udp)
        {
            // Large enough for a whole test burst, so a loss here would be the replicator's, not this socket's.
            ReceiveBufferSize = 4 * 1024 * 1024,
        };
        _socket.Bind(new IPEndPoint(address, 0));
        Endpoint = (IPEndPoint)_socket.LocalEndPoint!;
        _loop = Task.Run(ReceiveAsync);
    }

    public IPEndPoint Endpoint { get; }

    public IReadOnlyList<byte[]> Datagrams
    {
        get
        {
            lock (_lock)
            {
                return [.. _datagrams];
            }
        }
    }

    public async Task<IReadOnlyList<byte[]>> WaitForAsync(int count, TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (Datagrams.Count < count)
        {
            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"expected {count} datagrams at {Endpoint}, got {Datagrams.Count}");
            }
            await Task.Delay(10);
        }
        return Datagrams;
    }

    public void Dispose()
    {
        _socket.Dispose();
        _loop.Wait(TimeSpan.FromSeconds(5));
    }

    private async Task ReceiveAsync()
    {
        var buffer = new byte[65_535];
        while (true)
        {
            int length;
            try
            {
                length = await _socket.ReceiveAsync(buffer, SocketFlags.None);
            }
            catch (Exception e) when (e is SocketException or ObjectDisposedException)
            {
                return; // disposed
            }
            lock (_lock)
            {
                _datagrams.Add(buffer[..length]);
            }
        }
    }
}
