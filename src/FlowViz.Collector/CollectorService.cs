using System.Threading.Channels;
using FlowViz.Collector.Decoding;
using FlowViz.Collector.Receiving;
using FlowViz.Collector.Replication;
using FlowViz.Collector.Spooling;
using FlowViz.Collector.Statistics;
using FlowViz.Collector.Writing;
using FlowViz.Core.Flows;
using FlowViz.Protocols;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace FlowViz.Collector;

/// <summary>
/// The embedded collector: listeners → decode workers → writers, joined by bounded channels.
/// Sockets are bound in <see cref="StartAsync"/> so that a bad port fails start-up loudly and bound ports
/// are known before the host reports it has started. On shutdown the stages drain in order.
/// </summary>
public sealed partial class CollectorService(
    IOptions<CollectorOptions> options,
    FlowDatagramDecoder decoder,
    IFlowBatchWriter writer,
    CollectorStatistics statistics,
    CollectorEndpoints endpoints,
    TimeProvider time,
    ILogger<CollectorService> logger) : BackgroundService
{
    private readonly CollectorOptions _options = options.Value;
    private readonly List<UdpFlowListener> _listeners = [];
    private readonly CancellationTokenSource _abortWrites = new();
    private FlowSpool? _spool;
    private DatagramReplicator? _replicator;

    /// <summary>Opens the connection to one replication receiver; the tests substitute one they can hold.</summary>
    internal Func<System.Net.IPEndPoint, IReplicaTransport> ConnectReplica { get; init; } = UdpReplicaTransport.Connect;

    public override Task StartAsync(CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(_options.SpoolDirectory))
        {
            throw new InvalidOperationException($"{CollectorOptions.SectionName}:SpoolDirectory is required: where batches wait while the database is away.");
        }
        // Opened before the sockets, so a spool directory that cannot be written fails start-up, not the first outage.
        _spool = FlowSpool.Open(_options.SpoolDirectory, _options.SpoolMaxBytes, _options.SpoolSegmentBytes, statistics, time, logger);
        foreach (var text in (_options.Listen.Count > 0 ? _options.Listen : CollectorOptions.DefaultListen).Distinct())
        {
            var endpoint = ListenerEndpoint.Parse(text);
            try
            {
                _listeners.Add(new UdpFlowListener(endpoint, _options.ReceiveBufferBytes, logger));
            }
            catch (System.Net.Sockets.SocketException e)
            {
                throw new InvalidOperationException(
                    $"The collector cannot listen on UDP {endpoint}: {e.Message}. Another program (another collector?) may hold the port; " +
                    $"change {CollectorOptions.SectionName}:Listen.", e);
            }
            LogListening(_listeners[^1].LocalEndpoint);
        }
        // After the sockets, so that a receiver that is one of them (a loop) is recognised; a receiver that cannot be
        // parsed or resolved fails start-up too.
        _replicator = DatagramReplicator.Create(_options, [.. _listeners.Select(l => l.LocalEndpoint)], ConnectReplica, statistics, time, logger);
        endpoints.Set([.. _listeners.Select(l => l.LocalEndpoint)]);
        return base.StartAsync(cancellationToken);
    }

    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        // After ShutdownWriteTimeout, or when the host's shutdown timeout runs out, stop waiting for the database:
        // what is left goes to the spool.
        _abortWrites.CancelAfter(_options.ShutdownWriteTimeout);
        await using var registration = cancellationToken.Register(_abortWrites.Cancel);
        await base.StopAsync(cancellationToken);
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var dispatcher = new DecodeDispatcher(_options.DecodeWorkers, _options.DatagramQueueCapacity, statistics);
        var batches = Channel.CreateBounded<FlowBatch>(new BoundedChannelOptions(_options.WriteQueueCapacity)
        {
            FullMode = BoundedChannelFullMode.Wait,
        });

        var spool = _spool!;
        using var stopReplay = new CancellationTokenSource();
        var replay = Task.Run(() => new SpoolReplayLoop(spool, writer, statistics, _options.WriteTimeout, time, logger)
            .RunAsync(stopReplay.Token, _abortWrites.Token));
        var writerLoop = new FlowWriterLoop(writer, spool, statistics, _options.WriteTimeout, time, logger);
        var writers = Enumerable.Range(0, 2).Select(_ => Task.Run(() => writerLoop.RunAsync(batches.Reader, _abortWrites.Token))).ToArray();
        var workers = dispatcher.Readers
            .Select(reader => Task.Run(() =>
                new DecodeWorker(decoder, statistics, _options.BatchSize, _options.BatchMaxAge, time).RunAsync(reader, batches.Writer)))
            .ToArray();
        var receivers = _listeners.Select(l => Task.Run(() => l.RunAsync(dispatcher, _replicator, time, stoppingToken))).ToArray();

        await Task.WhenAll(receivers);
        dispatcher.Complete();
        var replicas = _replicator?.StopAsync() ?? Task.CompletedTask;
        await Task.WhenAll(workers);
        batches.Writer.Complete();
        await Task.WhenAll(writers);
        await replicas;
        // Everything in memory is now in the database or the spool; what is spooled is replayed at the next start.
        await stopReplay.CancelAsync();
        await replay;
        LogStopped(statistics.FlowsWritten, statistics.SpoolBytes);
    }

    public override void Dispose()
    {
        foreach (var listener in _listeners)
        {
            listener.Dispose();
        }
        _abortWrites.Dispose();
        _spool?.Dispose();
        _replicator?.StopAsync(); // normally stopped already; after a failed start this lets the senders end
        base.Dispose();
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Collector listening on UDP {Endpoint}")]
    private partial void LogListening(System.Net.IPEndPoint endpoint);

    [LoggerMessage(Level = LogLevel.Information, Message = "Collector stopped after writing {Flows} flows; {SpoolBytes} bytes left in the spool for the next start")]
    private partial void LogStopped(long flows, long spoolBytes);
}
