using System.Net;
using System.Net.Sockets;
using FlowViz.Collector.Replication;
using FlowViz.Collector.Statistics;
using FlowViz.Core.Flows;
using FlowViz.Protocols;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace FlowViz.Collector.Tests;

/// <summary>A real <see cref="CollectorService"/> on real loopback sockets, with a recording writer.</summary>
internal sealed class RunningCollector : IAsyncDisposable
{
    private readonly CollectorService _service;
    private readonly bool _ownsSpool;

    private RunningCollector(CollectorOptions options, bool ownsSpool, Func<IPEndPoint, IReplicaTransport>? connectReplica, IFlowEnricher? enricher)
    {
        _ownsSpool = ownsSpool;
        SpoolDirectory = options.SpoolDirectory!;
        Statistics = new CollectorStatistics();
        Endpoints = new CollectorEndpoints();
        _service = new CollectorService(
            Options.Create(options),
            new FlowDatagramDecoder(TimeProvider.System),
            Writer,
            Statistics,
            Endpoints,
            TimeProvider.System,
            NullLogger<CollectorService>.Instance,
            enricher: enricher)
        {
            ConnectReplica = connectReplica ?? UdpReplicaTransport.Connect,
        };
    }

    public RecordingBatchWriter Writer { get; } = new();

    public CollectorStatistics Statistics { get; }

    public CollectorEndpoints Endpoints { get; }

    public int Port => Endpoints.Bound[0].Port;

    public string SpoolDirectory { get; }

    /// <summary>
    /// Starts a collector; its spool is a fresh temporary directory (deleted on dispose) unless one is configured.
    /// Replication receivers are reached over real UDP unless <paramref name="connectReplica"/> says otherwise.
    /// </summary>
    public static async Task<RunningCollector> StartAsync(
        Action<CollectorOptions>? configure = null, Func<IPEndPoint, IReplicaTransport>? connectReplica = null, IFlowEnricher? enricher = null)
    {
        var options = new CollectorOptions
        {
            Listen = ["[::]:0"],
            BatchMaxAge = TimeSpan.FromMilliseconds(50),
            DecodeWorkers = 2,
        };
        configure?.Invoke(options);
        var ownsSpool = options.SpoolDirectory is null;
        options.SpoolDirectory ??= Directory.CreateTempSubdirectory("fv-spool-").FullName;
        var collector = new RunningCollector(options, ownsSpool, connectReplica, enricher);
        await collector._service.StartAsync(CancellationToken.None);
        return collector;
    }

    public async Task SendAsync(IPAddress to, params byte[][] datagrams)
    {
        using var socket = new Socket(to.AddressFamily, SocketType.Dgram, ProtocolType.Udp);
        foreach (var datagram in datagrams)
        {
            await socket.SendToAsync(datagram, SocketFlags.None, new IPEndPoint(to, Port));
        }
    }

    public Task StopAsync() => _service.StopAsync(CancellationToken.None);

    public async ValueTask DisposeAsync()
    {
        await _service.StopAsync(CancellationToken.None);
        _service.Dispose();
        if (_ownsSpool)
        {
            Directory.Delete(SpoolDirectory, recursive: true);
        }
    }
}
