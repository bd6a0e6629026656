using System.Net;
using System.Net.Sockets;
using FlowViz.Collector.Tests;

namespace FlowViz.Ingest.Tests;

/// <summary>
/// Sends NetFlow v5 datagrams of 30 distinguishable flows (<see cref="V5Datagrams"/>) over real UDP at a steady
/// pace, as an exporter does, and counts what it sent.
/// </summary>
internal sealed class PacedSender(IPEndPoint collector, TimeSpan interval)
{
    private int _sent;

    public int Sent => Volatile.Read(ref _sent);

    public int FlowsSent => Sent * V5Datagrams.FlowsPerDatagram;

    /// <summary>Sends until cancelled; datagram indexes continue across calls, so every flow stays unique.</summary>
    public async Task RunAsync(CancellationToken stop)
    {
        using var socket = new Socket(collector.AddressFamily, SocketType.Dgram, ProtocolType.Udp);
        using var timer = new PeriodicTimer(interval);
        try
        {
            while (await timer.WaitForNextTickAsync(stop))
            {
                await SendOneAsync(socket);
            }
        }
        catch (OperationCanceledException) when (stop.IsCancellationRequested)
        {
        }
    }

    /// <summary>
    /// Sends <paramref name="datagramsPerSecond"/> on average until cancelled: at each tick it catches up with the
    /// clock (at most <paramref name="maxBurst"/> datagrams at once, so a late tick cannot flood a small socket buffer),
    /// so a loaded machine that wakes the sender late lowers the rate only when the sender itself cannot keep up.
    /// </summary>
    public async Task RunAtRateAsync(double datagramsPerSecond, int maxBurst, CancellationToken stop)
    {
        using var socket = new Socket(collector.AddressFamily, SocketType.Dgram, ProtocolType.Udp);
        using var timer = new PeriodicTimer(interval);
        var clock = System.Diagnostics.Stopwatch.StartNew();
        var sent = 0L;
        try
        {
            while (await timer.WaitForNextTickAsync(stop))
            {
                var due = (long)(clock.Elapsed.TotalSeconds * datagramsPerSecond);
                for (var burst = 0; sent < due && burst < maxBurst; burst++, sent++)
                {
                    await SendOneAsync(socket);
                }
                sent = Math.Max(sent, due - maxBurst); // what could not be caught up is skipped, not piled up
            }
        }
        catch (OperationCanceledException) when (stop.IsCancellationRequested)
        {
        }
    }

    public async Task SendAsync(int datagrams)
    {
        using var socket = new Socket(collector.AddressFamily, SocketType.Dgram, ProtocolType.Udp);
        for (var i = 0; i < datagrams; i++)
        {
            await SendOneAsync(socket);
        }
    }

    private async Task SendOneAsync(Socket socket)
    {
        await socket.SendToAsync(V5Datagrams.Full(Sent), SocketFlags.None, collector);
        Interlocked.Increment(ref _sent);
    }
}
