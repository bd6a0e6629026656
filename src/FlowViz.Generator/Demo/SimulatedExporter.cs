using System.Net;
using System.Net.Sockets;
using FlowViz.Core.Flows;
using FlowViz.Protocols.NetFlow9;

namespace FlowViz.Generator.Demo;

/// <summary>
/// A NetFlow v9 exporter as the collector sees it: its own source address, its own sysUpTime, templates
/// every 20 packets, datagrams sent over real UDP. The collector has no back door for it.
/// </summary>
public sealed class SimulatedExporter : IDisposable
{
    // Cisco IOS and softflowd both resend templates periodically; 20 packets keeps a restarted collector waiting briefly.
    private const int TemplateInterval = 20;

    private readonly Socket _socket;
    private readonly IPEndPoint _target;
    private readonly NetFlowV9Encoder _encoder;
    private readonly DateTime _bootedUtc;
    private readonly byte[] _datagram = new byte[NetFlowV9Encoder.MaxDatagramSize];
    private long _packetsSent;

    public SimulatedExporter(IPAddress source, IPEndPoint target, uint sourceId, DateTime bootedUtc)
    {
        _target = target;
        _encoder = new NetFlowV9Encoder(sourceId);
        _bootedUtc = bootedUtc;
        _socket = new Socket(target.AddressFamily, SocketType.Dgram, ProtocolType.Udp);
        _socket.Bind(new IPEndPoint(source, 0));
    }

    public long DatagramsSent => _packetsSent;

    public long FlowsSent { get; private set; }

    /// <summary>Encodes and sends <paramref name="flows"/> in as many datagrams as they need.</summary>
    public async ValueTask SendAsync(ReadOnlyMemory<FlowRecord> flows, DateTime nowUtc, CancellationToken cancellationToken)
    {
        var uptime = (uint)(nowUtc - _bootedUtc).TotalMilliseconds;
        while (!flows.IsEmpty)
        {
            var length = _encoder.Encode(_datagram, flows.Span, nowUtc, uptime, _packetsSent % TemplateInterval == 0, out var written);
            await _socket.SendToAsync(_datagram.AsMemory(0, length), SocketFlags.None, _target, cancellationToken);
            _packetsSent++;
            FlowsSent += written;
            flows = flows[written..];
        }
    }

    public void Dispose() => _socket.Dispose();
}
