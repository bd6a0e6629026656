using System.Threading.Channels;
using FlowViz.Collector.Decoding;
using FlowViz.Collector.Receiving;
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

    public override Task StartAsync(CancellationToken cancellationToken)
    {
        foreach (var text in _options.Listen.DefaultIfEmpty(CollectorOptions.DefaultListen).Distinct())
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
        endpoints.Set([.. _listeners.Select(l => l.LocalEndpoint)]);
        return base.StartAsync(cancellationToken);
    }

    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        // When the host's shutdown timeout runs out, stop retrying the database (the writer logs what is lost).
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

        var writerLoop = new FlowWriterLoop(writer, statistics, time, logger);
        var writers = Enumerable.Range(0, 2).Select(_ => Task.Run(() => writerLoop.RunAsync(batches.Reader, _abortWrites.Token))).ToArray();
        var workers = dispatcher.Readers
            .Select(reader => Task.Run(() =>
                new DecodeWorker(decoder, statistics, _options.BatchSize, _options.BatchMaxAge, time).RunAsync(reader, batches.Writer)))
            .ToArray();
        var receivers = _listeners.Select(l => Task.Run(() => l.RunAsync(dispatcher, time, stoppingToken))).ToArray();

        await Task.WhenAll(receivers);
        dispatcher.Complete();
        await Task.WhenAll(workers);
        batches.Writer.Complete();
        await Task.WhenAll(writers);
        LogStopped(statistics.FlowsWritten);
    }

    public override void Dispose()
    {
        foreach (var listener in _listeners)
        {
            listener.Dispose();
        }
        _abortWrites.Dispose();
        base.Dispose();
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Collector listening on UDP {Endpoint}")]
    private partial void LogListening(System.Net.IPEndPoint endpoint);

    [LoggerMessage(Level = LogLevel.Information, Message = "Collector stopped after writing {Flows} flows")]
    private partial void LogStopped(long flows);
}
