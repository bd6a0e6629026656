using FlowViz.Core.Interfaces;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace FlowViz.Storage.Interfaces;

/// <summary>
/// Keeps the interfaces table current: at start it seeds the rules from configuration and writes the configured
/// interfaces; then, every <see cref="InterfacesOptions.SyncInterval"/>, it copies what the collector learned
/// (names from options data, speeds from sFlow) and records interfaces newly seen in flows. Each step that
/// changes what is known recomputes interface_classes. A failed round (database away) is logged and retried.
/// </summary>
public sealed class InterfaceSyncService(
    InterfaceSources sources,
    IEnumerable<IObservedInterfaceSource> observed,
    IOptions<InterfacesOptions> options,
    TimeProvider time,
    ILogger<InterfaceSyncService> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var settings = options.Value;
        var started = false;
        using var timer = new PeriodicTimer(settings.SyncInterval, time);
        do
        {
            try
            {
                if (!started)
                {
                    await StartAsync(settings, stoppingToken);
                    started = true;
                }
                await SyncAsync(settings, stoppingToken);
            }
            catch (Exception exception) when (exception is not OperationCanceledException || !stoppingToken.IsCancellationRequested)
            {
                logger.LogWarning(exception, "Interface sync failed; retrying in {Interval}", settings.SyncInterval);
            }
        }
        while (await WaitAsync(timer, stoppingToken));
    }

    /// <summary>One round: what the collector learned, then new interfaces in flows. Public for tests.</summary>
    public async Task SyncAsync(InterfacesOptions settings, CancellationToken cancellationToken)
    {
        var learned = observed.SelectMany(source => source.Observe()).ToList();
        if (learned.Count > 0 && await sources.RecordObservedAsync(learned, cancellationToken))
        {
            logger.LogInformation("Interface names or speeds learned from exporters changed ({Count} interfaces reported)", learned.Count);
        }
        if (await sources.RecordSeenInFlowsAsync(time.GetUtcNow() - settings.FlowScanLag, cancellationToken))
        {
            logger.LogInformation("New interfaces seen in flows");
        }
    }

    private async Task StartAsync(InterfacesOptions settings, CancellationToken cancellationToken)
    {
        if (await sources.SeedRulesAsync(settings.Rules, cancellationToken) is { } seeded)
        {
            logger.LogInformation("Interface rules from configuration saved as version {Version} ({Count} rules)", seeded.Version, seeded.Rules.Count);
        }
        await sources.ReplaceConfiguredAsync(settings.Configured, cancellationToken);
    }

    private static async Task<bool> WaitAsync(PeriodicTimer timer, CancellationToken stoppingToken)
    {
        try
        {
            return await timer.WaitForNextTickAsync(stoppingToken);
        }
        catch (OperationCanceledException)
        {
            return false;
        }
    }
}
