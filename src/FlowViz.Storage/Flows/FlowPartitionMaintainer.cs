using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Npgsql;

namespace FlowViz.Storage.Flows;

/// <summary>
/// Keeps the daily partitions of <c>flows</c> for now − 1 day … now + <see cref="FlowVizStorageOptions.PartitionDaysAhead"/>
/// in place, at start and every <see cref="FlowVizStorageOptions.PartitionCheckInterval"/>. The work is done by the SQL
/// function <c>flowviz_create_flow_partitions</c> (0001_flows.sql), which does nothing on a TimescaleDB hypertable,
/// so this service need not know the layout. It also applies <see cref="FlowVizStorageOptions.RawRetention"/> there:
/// whole days older than the retention are dropped (<c>flowviz_drop_flow_partitions</c>, 0002), also a no-op on a
/// hypertable, whose retention is TimescaleDB's own job.
/// </summary>
public sealed partial class FlowPartitionMaintainer : BackgroundService
{
    private readonly NpgsqlDataSource _dataSource;
    private readonly FlowVizStorageOptions _options;
    private readonly TimeProvider _time;
    private readonly ILogger<FlowPartitionMaintainer> _logger;

    public FlowPartitionMaintainer(
        NpgsqlDataSource dataSource, IOptions<FlowVizStorageOptions> options, TimeProvider time, ILogger<FlowPartitionMaintainer> logger)
    {
        _dataSource = dataSource;
        _options = options.Value;
        _time = time;
        _logger = logger;
    }

    /// <summary>Creates the partitions around now that are missing; returns how many were created.</summary>
    public Task<int> EnsureCurrentPartitionsAsync(CancellationToken cancellationToken)
    {
        var now = _time.GetUtcNow();
        return EnsurePartitionsAsync(now.AddDays(-1), now.AddDays(_options.PartitionDaysAhead), cancellationToken);
    }

    /// <summary>Creates the missing daily partitions covering the UTC days of [from, to]; returns how many were created.</summary>
    public async Task<int> EnsurePartitionsAsync(DateTimeOffset from, DateTimeOffset to, CancellationToken cancellationToken)
    {
        await using var command = _dataSource.CreateCommand("SELECT flowviz_create_flow_partitions($1, $2)");
        command.Parameters.Add(new() { Value = from.UtcDateTime });
        command.Parameters.Add(new() { Value = to.UtcDateTime });
        var created = (int)(await command.ExecuteScalarAsync(cancellationToken))!;
        if (created > 0)
        {
            LogCreated(created, from, to);
        }
        return created;
    }

    /// <summary>
    /// Drops the partitions that end at or before now − <see cref="FlowVizStorageOptions.RawRetention"/>, but never
    /// yesterday's, today's or a future one, whatever the setting: those are the days this service keeps ready, and
    /// dropping yesterday under a retention shorter than a day would only have it re-created at the next check.
    /// Returns the names of the dropped partitions.
    /// </summary>
    public async Task<IReadOnlyList<string>> DropExpiredPartitionsAsync(CancellationToken cancellationToken)
    {
        _options.ValidatePolicies();
        var now = _time.GetUtcNow();
        var startOfYesterday = new DateTimeOffset(now.UtcDateTime.Date.AddDays(-1), TimeSpan.Zero);
        var olderThan = now - _options.RawRetention;
        if (olderThan > startOfYesterday)
        {
            olderThan = startOfYesterday;
        }
        await using var command = _dataSource.CreateCommand("SELECT flowviz_drop_flow_partitions($1)");
        command.Parameters.Add(new() { Value = olderThan.UtcDateTime });
        var dropped = new List<string>();
        await using (var reader = await command.ExecuteReaderAsync(cancellationToken))
        {
            while (await reader.ReadAsync(cancellationToken))
            {
                dropped.Add(reader.GetString(0));
            }
        }
        foreach (var name in dropped)
        {
            LogDropped(name, olderThan, _options.RawRetention);
        }
        return dropped;
    }

    /// <summary>
    /// Deletes interface counter samples older than <see cref="FlowVizStorageOptions.CountersRetention"/>. They are
    /// few (one row per interface every 20-30 s), so a DELETE on the time index is cheap; on TimescaleDB the
    /// retention job usually got there first.
    /// </summary>
    public async Task<int> DeleteExpiredCountersAsync(CancellationToken cancellationToken)
    {
        await using var command = _dataSource.CreateCommand("DELETE FROM interface_counters WHERE time_received < $1");
        command.Parameters.Add(new() { Value = (_time.GetUtcNow() - _options.CountersRetention).UtcDateTime });
        return await command.ExecuteNonQueryAsync(cancellationToken);
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(_options.PartitionCheckInterval, _time);
        do
        {
            try
            {
                await EnsureCurrentPartitionsAsync(stoppingToken);
                await DropExpiredPartitionsAsync(stoppingToken);
                await DeleteExpiredCountersAsync(stoppingToken);
            }
            catch (Exception exception) when (exception is NpgsqlException or InvalidOperationException)
            {
                // Not fatal: the writer creates a missing partition itself, and an old day dropped an hour late
                // costs only disk; the next tick tries again.
                LogFailed(exception);
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Created {Count} flows partition(s) for {From:u} … {To:u}")]
    private partial void LogCreated(int count, DateTimeOffset from, DateTimeOffset to);

    [LoggerMessage(Level = LogLevel.Information, Message = "Dropped flows partition {Name}: all of it is older than {OlderThan:u} (raw retention {Retention})")]
    private partial void LogDropped(string name, DateTimeOffset olderThan, TimeSpan retention);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not maintain flows partitions; retrying at the next check")]
    private partial void LogFailed(Exception exception);
}
