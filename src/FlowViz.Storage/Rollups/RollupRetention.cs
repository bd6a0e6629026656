using FlowViz.Storage.Policies;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Npgsql;

namespace FlowViz.Storage.Rollups;

/// <summary>
/// Keeps each resolution for its configured age (<see cref="FlowVizStorageOptions.RollupMinuteRetention"/> and the
/// others), at start and hourly: it records the ages in <c>flowviz_settings</c> (so people can read back what runs),
/// removes older buckets and raises the resolution's covered interval past them, so queries never count a bucket
/// that is half gone. On a TimescaleDB hypertable whole chunks are dropped (drop_chunks: no decompression); on
/// plain PostgreSQL rows are deleted on the bucket index.
/// </summary>
public sealed partial class RollupRetention
{
    private readonly NpgsqlDataSource _dataSource;
    private readonly FlowVizStorageOptions _options;
    private readonly TimeProvider _time;
    private readonly ILogger<RollupRetention> _logger;

    public RollupRetention(NpgsqlDataSource dataSource, IOptions<FlowVizStorageOptions> options, TimeProvider time, ILogger<RollupRetention> logger)
    {
        _dataSource = dataSource;
        _options = options.Value;
        _time = time;
        _logger = logger;
    }

    public TimeSpan RetentionOf(RollupResolution resolution) => resolution.Name switch
    {
        "1m" => _options.RollupMinuteRetention,
        "5m" => _options.RollupFiveMinuteRetention,
        // The 6-hour rows are kept as long as the hours they summarise, the weeks as long as the days (db-migrations/0012).
        "1h" or "6h" => _options.RollupHourRetention,
        _ => _options.RollupDayRetention,
    };

    public async Task ApplyAsync(CancellationToken cancellationToken)
    {
        _options.ValidatePolicies();
        var now = _time.GetUtcNow();
        await using var connection = await _dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        var hypertables = await IsHypertableLayoutAsync(connection, cancellationToken);
        foreach (var resolution in RollupResolution.All)
        {
            var retention = RetentionOf(resolution);
            var horizon = resolution.Ceiling(now - retention);
            await RollupBuilder.ExecuteAsync(connection, """
                INSERT INTO flowviz_settings (key, value) VALUES ($1, $2::interval::text)
                ON CONFLICT (key) DO UPDATE SET value = excluded.value
                """, cancellationToken, $"rollup_{resolution.Name}_retention", retention);
            foreach (var cube in RollupCubes.All)
            {
                if (hypertables)
                {
                    await RollupBuilder.ExecuteAsync(connection, "SELECT count(*) FROM drop_chunks($1::regclass, older_than => $2::timestamptz)",
                        cancellationToken, cube.TableName(resolution), horizon.UtcDateTime);
                }
                else
                {
                    await RollupBuilder.ExecuteAsync(connection, $"DELETE FROM {cube.TableName(resolution)} WHERE bucket < $1",
                        cancellationToken, horizon.UtcDateTime);
                }
            }
            if (resolution == RollupResolution.Minute)
            {
                await RollupBuilder.ExecuteAsync(connection, "DELETE FROM rollup_minute_counts WHERE bucket < $1", cancellationToken, horizon.UtcDateTime);
            }
            await RollupBuilder.ExecuteAsync(connection, """
                UPDATE rollup_state SET covered_from = greatest(covered_from, $2), covered_to = greatest(covered_to, $2)
                WHERE resolution = $1
                """, cancellationToken, resolution.Name, horizon.UtcDateTime);
        }
        await transaction.CommitAsync(cancellationToken);
        LogApplied(_options.RollupMinuteRetention, _options.RollupFiveMinuteRetention, _options.RollupHourRetention, _options.RollupDayRetention);
    }

    private static async Task<bool> IsHypertableLayoutAsync(NpgsqlConnection connection, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand("SELECT value FROM flowviz_settings WHERE key = 'flows_layout'", connection);
        return await command.ExecuteScalarAsync(cancellationToken) as string == FlowsLayout.Hypertable;
    }

    [LoggerMessage(Level = LogLevel.Debug, Message = "Rollup retention applied: 1 m {Minute}, 5 m {FiveMinutes}, 1 h and 6 h {Hour}, 1 d and 1 w {Day}")]
    private partial void LogApplied(TimeSpan minute, TimeSpan fiveMinutes, TimeSpan hour, TimeSpan day);
}
