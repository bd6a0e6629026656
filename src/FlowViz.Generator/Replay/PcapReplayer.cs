using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace FlowViz.Generator.Replay;

/// <summary>
/// Sends the UDP payloads of a capture to a collector, in capture order, byte for byte, with the capture's
/// pacing or back to back. Each source of the capture (address and port) gets its own socket, so a collector
/// keeps their templates apart as it did for the originals; towards 127.0.0.1 they get distinct loopback
/// addresses (127.0.1.1, .2, …), elsewhere the host's address and distinct ports.
/// </summary>
public sealed class PcapReplayer(IPEndPoint target, bool asFastAsPossible)
{
    public ReplayReport Replay(string file, CancellationToken cancellationToken)
    {
        using var stream = File.OpenRead(file);
        var reader = new PcapReader(stream);
        var sockets = new Dictionary<IPEndPoint, Sender>();
        var clock = Stopwatch.StartNew();
        var address = target.Serialize();
        try
        {
            foreach (var datagram in reader.ReadDatagrams())
            {
                if (cancellationToken.IsCancellationRequested)
                {
                    break;
                }
                if (!asFastAsPossible)
                {
                    WaitUntil(clock, datagram.Offset, cancellationToken);
                }
                if (!sockets.TryGetValue(datagram.Source, out var sender))
                {
                    sender = new Sender(Bind(sockets.Count));
                    sockets.Add(datagram.Source, sender);
                }
                sender.Socket.SendTo(datagram.Payload, SocketFlags.None, address);
                sender.Datagrams++;
                sender.Bytes += datagram.Payload.Length;
            }
            return new ReplayReport(file, target.ToString(), reader.Records, reader.Skipped, clock.Elapsed,
                [.. sockets.Select(s => new ReplaySource(s.Key, (IPEndPoint)s.Value.Socket.LocalEndPoint!, s.Value.Datagrams, s.Value.Bytes))]);
        }
        finally
        {
            foreach (var sender in sockets.Values)
            {
                sender.Socket.Dispose();
            }
        }
    }

    private Socket Bind(int index)
    {
        var socket = new Socket(target.AddressFamily, SocketType.Dgram, ProtocolType.Udp);
        var local = target.AddressFamily == AddressFamily.InterNetwork
            ? IPAddress.IsLoopback(target.Address) ? new IPAddress([127, 0, 1, (byte)(1 + index % 250)]) : IPAddress.Any
            : IPAddress.IsLoopback(target.Address) ? IPAddress.IPv6Loopback : IPAddress.IPv6Any;
        socket.Bind(new IPEndPoint(local, 0));
        return socket;
    }

    /// <summary>Sleeps while more than 2 ms remain, then spins: Sleep alone would add ~1 ms jitter per datagram.</summary>
    private static void WaitUntil(Stopwatch clock, TimeSpan due, CancellationToken cancellationToken)
    {
        TimeSpan remaining;
        while ((remaining = due - clock.Elapsed) > TimeSpan.Zero && !cancellationToken.IsCancellationRequested)
        {
            if (remaining > TimeSpan.FromMilliseconds(2))
            {
                // At most 100 ms at a time so a long gap in the capture still notices cancellation.
                Thread.Sleep(TimeSpan.FromTicks(Math.Min((remaining - TimeSpan.FromMilliseconds(1)).Ticks, TimeSpan.TicksPerSecond / 10)));
            }
            else
            {
                Thread.SpinWait(50);
            }
        }
    }

    private sealed class Sender(Socket socket)
    {
        public Socket Socket { get; } = socket;

        public long Datagrams { get; set; }

        public long Bytes { get; set; }
    }
}
