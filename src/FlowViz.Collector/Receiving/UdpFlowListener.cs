using System.Buffers;
using System.Net;
using System.Net.Sockets;
using FlowViz.Collector.Decoding;
using FlowViz.Collector.Replication;
using Microsoft.Extensions.Logging;

namespace FlowViz.Collector.Receiving;

/// <summary>
/// One UDP socket and the loop that keeps it drained. The loop only copies each datagram out of the
/// socket and hands it to a decoder queue; if that queue is full the datagram is dropped and counted
/// here, because a blocked loop would move the loss into the kernel's buffer, where nobody counts it.
/// </summary>
internal sealed partial class UdpFlowListener : IDisposable
{
    // The largest UDP payload; a datagram never exceeds it, so one receive buffer fits all.
    private const int MaxDatagramSize = 65_535;

    private readonly Socket _socket;
    private readonly ILogger _logger;

    public UdpFlowListener(IPEndPoint endpoint, int receiveBufferBytes, ILogger logger)
    {
        _logger = logger;
        _socket = new Socket(endpoint.AddressFamily, SocketType.Dgram, ProtocolType.Udp);
        if (endpoint.AddressFamily == AddressFamily.InterNetworkV6 && endpoint.Address.Equals(IPAddress.IPv6Any))
        {
            _socket.DualMode = true;
        }
        _socket.ReceiveBufferSize = receiveBufferBytes;
        _socket.Bind(endpoint);
        LocalEndpoint = (IPEndPoint)_socket.LocalEndPoint!;
        WarnIfBufferCapped(receiveBufferBytes);
    }

    public IPEndPoint LocalEndpoint { get; }

    public async Task RunAsync(DecodeDispatcher dispatcher, DatagramReplicator? replicator, TimeProvider time, CancellationToken stoppingToken)
    {
        var receiveBuffer = GC.AllocateUninitializedArray<byte>(MaxDatagramSize, pinned: true);
        var sender = new SocketAddress(_socket.AddressFamily);
        while (!stoppingToken.IsCancellationRequested)
        {
            int length;
            try
            {
                length = await _socket.ReceiveFromAsync(receiveBuffer, SocketFlags.None, sender, stoppingToken);
            }
            catch (OperationCanceledException)
            {
                break;
            }
            catch (SocketException e)
            {
                LogReceiveError(e.SocketErrorCode, LocalEndpoint);
                continue;
            }
            // Replicated from the receive buffer, before dispatch: once dispatched, the pooled copy may be decoded
            // and returned to the pool at any moment.
            replicator?.Replicate(receiveBuffer.AsSpan(0, length));
            var copy = ArrayPool<byte>.Shared.Rent(length);
            receiveBuffer.AsSpan(0, length).CopyTo(copy);
            dispatcher.Dispatch(new ReceivedDatagram(copy, length, SocketAddressReader.ReadAddress(sender), time.GetUtcNow().UtcDateTime));
        }
    }

    public void Dispose() => _socket.Dispose();

    private void WarnIfBufferCapped(int requested)
    {
        // Linux doubles the value it grants (for its own bookkeeping) and caps the request at net.core.rmem_max.
        var granted = _socket.ReceiveBufferSize;
        if (OperatingSystem.IsLinux() ? granted < requested : granted < requested / 2)
        {
            LogBufferCapped(LocalEndpoint, requested, granted);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning,
        Message = "UDP {Endpoint}: asked for a {Requested}-byte receive buffer, the kernel gave {Granted}. Bursts may be lost in the kernel; raise net.core.rmem_max (sysctl -w net.core.rmem_max=…).")]
    private partial void LogBufferCapped(IPEndPoint endpoint, int requested, int granted);

    [LoggerMessage(Level = LogLevel.Debug, Message = "UDP {Endpoint}: receive failed with {Error}; continuing")]
    private partial void LogReceiveError(SocketError error, IPEndPoint endpoint);
}
