using System.Net;
using System.Net.Sockets;

namespace FlowViz.Generator.Tests;

/// <summary>
/// A real UDP receiver on loopback that keeps every datagram with its source, on its own thread, so what a
/// sender reports can be compared with what actually arrived.
/// </summary>
internal sealed class UdpCounter : IDisposable
{
    private readonly Socket _socket;
    private readonly Thread _thread;
    private readonly List<(IPEndPoint Source, byte[] Payload)> _received = [];
    private volatile bool _stopping;

    public UdpCounter()
    {
        _socket = new Socket(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp);
        // As large as the kernel allows (net.core.rmem_max): the receiver must not be where datagrams are lost.
        _socket.ReceiveBufferSize = 64 * 1024 * 1024;
        _socket.ReceiveTimeout = 200;
        _socket.Bind(new IPEndPoint(IPAddress.Loopback, 0));
        Target = (IPEndPoint)_socket.LocalEndPoint!;
        _thread = new Thread(Receive) { IsBackground = true, Name = "udp-counter" };
        _thread.Start();
    }

    public IPEndPoint Target { get; }

    public int Count
    {
        get
        {
            lock (_received)
            {
                return _received.Count;
            }
        }
    }

    /// <summary>Waits (at most 10 s) until <paramref name="expected"/> datagrams arrived, then returns all received.</summary>
    public IReadOnlyList<(IPEndPoint Source, byte[] Payload)> WaitFor(long expected)
    {
        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (Count < expected && DateTime.UtcNow < deadline)
        {
            Thread.Sleep(20);
        }
        Thread.Sleep(50); // anything beyond the expected count would show up here
        lock (_received)
        {
            return [.. _received];
        }
    }

    public void Dispose()
    {
        _stopping = true;
        _thread.Join(TimeSpan.FromSeconds(2));
        _socket.Dispose();
    }

    private void Receive()
    {
        var buffer = new byte[65_536];
        EndPoint from = new IPEndPoint(IPAddress.Any, 0);
        while (!_stopping)
        {
            try
            {
                var length = _socket.ReceiveFrom(buffer, ref from);
                lock (_received)
                {
                    _received.Add(((IPEndPoint)from, buffer[..length]));
                }
            }
            catch (SocketException e) when (e.SocketErrorCode == SocketError.TimedOut)
            {
            }
        }
    }
}
