using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Npgsql;

namespace FlowViz.Storage.Rollups;

/// <summary>
/// Runs <see cref="RollupBuilder"/> every <see cref="FlowVizStorageOptions.RollupInterval"/> and
/// <see cref="RollupRetention"/> at start and hourly. A failed pass is logged and counted, and the next one
/// picks up from the watermark: nothing is lost, since the rollups are recomputed from the flows.
/// </summary>
public sealed partial class RollupService : BackgroundService
{
    private static readonly TimeSpan RetentionInterval = TimeSpan.FromHours(1);

    private readonly RollupBuilder _builder;
    private readonly RollupRetention _retention;
    private readonly RollupProgress _progress;
    private readonly FlowVizStorageOptions _options;
    private readonly TimeProvider _time;
    private readonly ILogger<RollupService> _logger;

    public RollupService(
        RollupBuilder builder, RollupRetention retention, RollupProgress progress, IOptions<FlowVizStorageOptions> options,
        TimeProvider time, ILogger<RollupService> logger)
    {
        _builder = builder;
        _retention = retention;
        _progress = progress;
        _options = options.Value;
        _time = time;
        _logger = logger;
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(_options.RollupInterval, _time);
        DateTimeOffset? lastRetention = null;
        do
        {
            try
            {
                if (lastRetention is null || _time.GetUtcNow() - lastRetention >= RetentionInterval)
                {
                    await _retention.ApplyAsync(stoppingToken);
                    lastRetention = _time.GetUtcNow();
                }
                await _builder.RunOnceAsync(stoppingToken);
            }
            catch (Exception exception) when (exception is NpgsqlException or InvalidOperationException or TimeoutException)
            {
                _progress.Failed();
                LogFailed(exception);
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Rollup pass failed; the next pass resumes from the watermark")]
    private partial void LogFailed(Exception exception);
}
