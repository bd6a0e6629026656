using System.Threading.Channels;
using FlowViz.Collector.Counters;
using FlowViz.Collector.Decoding;
using FlowViz.Collector.Receiving;
using FlowViz.Collector.Replication;
using FlowViz.Collector.Spooling;
using FlowViz.Collector.Statistics;
using FlowViz.Collector.Templates;
using FlowViz.Collector.Writing;
using FlowViz.Core.Counters;
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
    ILogger<CollectorService> logger,
    IInterfaceCounterWriter? counterWriter = null,
    IFlowEnricher? enricher = null) : BackgroundService
{
    private readonly CollectorOptions _options = options.Value;
    private readonly List<UdpFlowListener> _listeners = [];
    private readonly CancellationTokenSource _abortWrites = new();
    private FlowSpool? _spool;
    private TemplateJournal _journal = new();
    private readonly InterfaceCounterBuffer _counters = new(statistics);
    private DatagramReplicator? _replicator;

    /// <summary>sFlow counter samples on their way to storage.</summary>
    public InterfaceCounterBuffer Counters => _counters;

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
        RestoreTemplates();
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
        var writers = Enumerable.Range(0, _options.Writers).Select(_ => Task.Run(() => writerLoop.RunAsync(batches.Reader, _abortWrites.Token))).ToArray();
        var workers = dispatcher.Readers
            .Select(reader => Task.Run(() =>
                new DecodeWorker(decoder, statistics, _options.BatchSize, _options.BatchMaxAge, time, _journal, counterWriter is null ? null : _counters, enricher)
                    .RunAsync(reader, batches.Writer)))
            .ToArray();
        var maintenance = Task.Run(() => MaintainTemplatesAsync(stoppingToken));
        var counters = Task.Run(() => WriteCountersAsync(stoppingToken));
        var receivers = _listeners.Select(l => Task.Run(() => l.RunAsync(dispatcher, _replicator, time, stoppingToken))).ToArray();

        await Task.WhenAll(receivers);
        dispatcher.Complete();
        var replicas = _replicator?.StopAsync() ?? Task.CompletedTask;
        await Task.WhenAll(workers);
        await maintenance;
        SaveTemplates();
        await counters;
        await FlushCountersAsync(_abortWrites.Token);
        batches.Writer.Complete();
        await Task.WhenAll(writers);
        await replicas;
        // Everything in memory is now in the database or the spool; what is spooled is replayed at the next start.
        await stopReplay.CancelAsync();
        await replay;
        LogStopped(statistics.FlowsWritten, statistics.SpoolBytes);
    }

    /// <summary>Learns again what the last run learnt, before any datagram arrives.</summary>
    private void RestoreTemplates()
    {
        if (string.IsNullOrWhiteSpace(_options.TemplateJournalFile))
        {
            return;
        }
        _journal = TemplateJournal.Load(_options.TemplateJournalFile);
        var replayed = _journal.Replay(decoder, time.GetUtcNow().UtcDateTime, decoder.Templates.Expiry);
        LogTemplatesRestored(replayed, decoder.Templates.Count, _options.TemplateJournalFile);
    }

    private async Task MaintainTemplatesAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(_options.TemplateMaintenanceInterval, time);
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken))
            {
                decoder.Templates.RemoveExpired();
                SaveTemplates();
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }

    private async Task WriteCountersAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(TimeSpan.FromSeconds(5), time);
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken))
            {
                await FlushCountersAsync(stoppingToken);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }

    private async Task FlushCountersAsync(CancellationToken cancellationToken)
    {
        if (counterWriter is null)
        {
            return;
        }
        try
        {
            await _counters.FlushAsync(counterWriter, cancellationToken);
        }
        catch (Exception e) when (e is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            LogCountersNotWritten(e); // kept pending; retried at the next flush
        }
        catch (OperationCanceledException)
        {
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Interface counters: writing failed; retrying at the next flush")]
    private partial void LogCountersNotWritten(Exception exception);

    private void SaveTemplates()
    {
        if (string.IsNullOrWhiteSpace(_options.TemplateJournalFile))
        {
            return;
        }
        try
        {
            _journal.Save(_options.TemplateJournalFile);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            LogTemplatesNotSaved(e, _options.TemplateJournalFile);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Templates: replayed {Datagrams} datagrams from {File}; {Templates} templates known")]
    private partial void LogTemplatesRestored(int datagrams, int templates, string file);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Templates: could not save {File}; a restart will wait for exporters to resend templates")]
    private partial void LogTemplatesNotSaved(Exception exception, string file);

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
