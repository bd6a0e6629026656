using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace FlowViz.Enrichment.GeoIP;

/// <summary>
/// Checks the database files every <see cref="GeoIPOptions.ReloadInterval"/> and swaps in changed ones. Polling the
/// modification time rather than watching: it also sees files on network mounts and replaced by rename
/// (geoipupdate writes a temporary file and renames it), and a file that appears after start-up.
/// </summary>
internal sealed class GeoIPReloadService(GeoIPDatabases databases, IOptions<EnrichmentOptions> options, TimeProvider time) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(options.Value.GeoIP.ReloadInterval, time);
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken))
            {
                databases.Refresh();
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }
}
