using System.Net;
using FlowViz.Core.Flows;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace FlowViz.Generator.Demo;

/// <summary>Runs the demo exporters once a second until the host stops.</summary>
public sealed partial class DemoExporterService(
    IOptions<DemoOptions> options,
    DemoTarget target,
    TimeProvider time,
    ILogger<DemoExporterService> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var settings = options.Value;
        if (!settings.Enabled)
        {
            return;
        }
        var endpoint = target.Resolve();
        var booted = time.GetUtcNow().UtcDateTime;
        var exporters = Enumerable.Range(0, settings.Exporters)
            .Select(i => new SimulatedExporter(SourceAddressFor(endpoint, i), endpoint, sourceId: (uint)i, booted))
            .ToList();
        var models = exporters.Select((_, i) => new DemoTrafficModel(seed: 7919 * (i + 1))).ToList();
        var flows = new FlowRecord[settings.FlowsPerSecond];
        LogStarted(settings.Exporters, endpoint);
        try
        {
            using var tick = new PeriodicTimer(TimeSpan.FromSeconds(1), time);
            do
            {
                var now = time.GetUtcNow().UtcDateTime;
                var wanted = Math.Max(2, (int)(settings.FlowsPerSecond * DemoTrafficModel.RateFactor(now)));
                for (var i = 0; i < exporters.Count; i++)
                {
                    var count = models[i].Generate(flows.AsSpan(0, wanted), now);
                    await exporters[i].SendAsync(flows.AsMemory(0, count), now, stoppingToken);
                }
            }
            while (await tick.WaitForNextTickAsync(stoppingToken));
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
        finally
        {
            exporters.ForEach(e => e.Dispose());
        }
    }

    /// <summary>Each simulated router gets its own loopback source, so the collector sees distinct exporters.</summary>
    private static IPAddress SourceAddressFor(IPEndPoint target, int index) =>
        target.AddressFamily == System.Net.Sockets.AddressFamily.InterNetwork && IPAddress.IsLoopback(target.Address)
            ? new IPAddress(new byte[] { 127, 0, 0, (byte)(10 + index % 240) })
            : target.AddressFamily == System.Net.Sockets.AddressFamily.InterNetwork ? IPAddress.Any : IPAddress.IPv6Any;

    [LoggerMessage(Level = LogLevel.Information, Message = "Demo: {Count} simulated NetFlow v9 exporters sending to {Target}")]
    private partial void LogStarted(int count, IPEndPoint target);
}
