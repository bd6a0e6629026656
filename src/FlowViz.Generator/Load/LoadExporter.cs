using System.Net;
using System.Net.Sockets;
using FlowViz.Core.Flows;
using FlowViz.Generator.Demo;
using FlowViz.Protocols.Ipfix;
using FlowViz.Protocols.NetFlow5;
using FlowViz.Protocols.NetFlow9;

namespace FlowViz.Generator.Load;

/// <summary>
/// One simulated exporter of a load run: its own socket and source address, its own encoder (sequence
/// numbers, templates every 20 datagrams as SimulatedExporter does (v9 and IPFIX)) and a pool of demo-model flows.
/// </summary>
internal sealed class LoadExporter : IDisposable
{
    private const int TemplateInterval = 20;

    // The model builds IPv6 addresses from strings, too slow to run per flow at a million flows/s; a pool
    // refreshed every second keeps its distributions and keeps the flow times recent.
    private const int PoolSize = 4096;
    private static readonly TimeSpan PoolLifetime = TimeSpan.FromSeconds(1);

    private readonly Socket _socket;
    private readonly SocketAddress _target;
    private readonly NetFlowV5Encoder? _v5;
    private readonly NetFlowV9Encoder? _v9;
    private readonly IpfixEncoder? _ipfix;
    private readonly DemoTrafficModel _model;
    private readonly FlowRecord[] _pool = new FlowRecord[PoolSize];
    private readonly byte[] _datagram;
    private readonly DateTime _bootedUtc;
    private DateTime _poolMadeUtc = DateTime.MinValue;
    private int _poolNext;

    public LoadExporter(int index, LoadGeneratorOptions options, DateTime nowUtc)
    {
        _socket = new Socket(options.Target.AddressFamily, SocketType.Dgram, ProtocolType.Udp);
        _socket.Bind(new IPEndPoint(SourceAddressFor(options.Target, index), 0));
        Source = (IPEndPoint)_socket.LocalEndPoint!;
        _target = options.Target.Serialize();
        _model = new DemoTrafficModel(seed: 7919 * (index + 1));
        _bootedUtc = nowUtc.AddHours(-1);
        if (options.Protocol == LoadProtocol.NetFlowV5)
        {
            _v5 = new NetFlowV5Encoder(engineType: 0, engineId: (byte)index);
            _datagram = new byte[NetFlowV5Encoder.MaxDatagramSize];
        }
        else
        {
            _v9 = options.Protocol == LoadProtocol.NetFlowV9 ? new NetFlowV9Encoder(sourceId: (uint)index) : null;
            _ipfix = options.Protocol == LoadProtocol.Ipfix ? new IpfixEncoder(observationDomainId: (uint)index) : null;
            _datagram = new byte[options.DatagramSize];
        }
    }

    public IPEndPoint Source { get; }

    public long Datagrams { get; private set; }

    public long Flows { get; private set; }

    public long Bytes { get; private set; }

    public ExporterTally Tally() => new(Source, Datagrams, Flows, Bytes);

    /// <summary>Encodes and sends one datagram of at most <paramref name="maxFlows"/> flows; returns the flows sent.</summary>
    public int SendOne(int maxFlows, DateTime nowUtc)
    {
        if (nowUtc - _poolMadeUtc > PoolLifetime)
        {
            _model.Generate(_pool, nowUtc);
            _poolMadeUtc = nowUtc;
            _poolNext = 0;
        }
        else if (_poolNext >= PoolSize)
        {
            _poolNext = 0; // within the second the pool is reused: regenerating it would cost more than sending
        }
        var flows = _pool.AsSpan(_poolNext, Math.Min(maxFlows, PoolSize - _poolNext));
        var uptime = (uint)(nowUtc - _bootedUtc).TotalMilliseconds;
        int length, consumed, carried;
        if (_v5 is not null)
        {
            length = _v5.Encode(_datagram, flows, nowUtc, uptime, includeTemplates: false, out consumed);
            carried = CountIPv4(flows[..consumed]); // v5 skips IPv6 flows: they are consumed but not sent
        }
        else if (_v9 is not null)
        {
            length = _v9.Encode(_datagram, flows, nowUtc, uptime, Datagrams % TemplateInterval == 0, out consumed);
            carried = consumed;
        }
        else
        {
            length = _ipfix!.Encode(_datagram, flows, nowUtc, Datagrams % TemplateInterval == 0, out consumed);
            carried = consumed;
        }
        _poolNext += consumed;
        if (length == 0)
        {
            return 0;
        }
        _socket.SendTo(_datagram.AsSpan(0, length), SocketFlags.None, _target);
        Datagrams++;
        Flows += carried;
        Bytes += length;
        return carried;
    }

    public void Dispose() => _socket.Dispose();

    private static int CountIPv4(ReadOnlySpan<FlowRecord> flows)
    {
        var count = 0;
        foreach (ref readonly var flow in flows)
        {
            count += flow.SrcAddr.IsIPv4 && flow.DstAddr.IsIPv4 ? 1 : 0;
        }
        return count;
    }

    /// <summary>
    /// Distinct loopback sources make distinct exporters for the collector (127.0.0.10 upward). IPv6 has a
    /// single loopback address, so on ::1 the exporters differ by port and source ID only.
    /// </summary>
    private static IPAddress SourceAddressFor(IPEndPoint target, int index) => target.AddressFamily switch
    {
        AddressFamily.InterNetwork when IPAddress.IsLoopback(target.Address) => new IPAddress([127, 0, 0, (byte)(10 + index % 240)]),
        AddressFamily.InterNetwork => IPAddress.Any,
        _ when IPAddress.IsLoopback(target.Address) => IPAddress.IPv6Loopback,
        _ => IPAddress.IPv6Any,
    };
}
