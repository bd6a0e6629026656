using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Npgsql;

namespace FlowViz.Storage.Policies;

/// <summary>
/// Makes the database's retention and compression follow <see cref="FlowVizStorageOptions"/>. The host calls
/// <see cref="ApplyAsync"/> once at start-up, after the migrations: 0002 installs the default policies, and this
/// brings them in line with the configuration, so changing a setting needs a restart, not a migration.
/// Idempotent: a TimescaleDB job that already has the configured age is left alone (its id and schedule
/// survive restarts); one with another age is replaced. On plain PostgreSQL retention is
/// <see cref="Flows.FlowPartitionMaintainer"/>'s job and this only records the settings.
/// </summary>
public sealed partial class StoragePolicies
{
    // Only these fixed names are spliced into SQL; the ages always travel as parameters.
    private static readonly TimescalePolicy Compression =
        new("policy_compression", "compress_after", "add_compression_policy", "remove_compression_policy");
    private static readonly TimescalePolicy Retention =
        new("policy_retention", "drop_after", "add_retention_policy", "remove_retention_policy");

    private readonly NpgsqlDataSource _dataSource;
    private readonly FlowVizStorageOptions _options;
    private readonly ILogger<StoragePolicies> _logger;

    public StoragePolicies(NpgsqlDataSource dataSource, IOptions<FlowVizStorageOptions> options, ILogger<StoragePolicies> logger)
    {
        _dataSource = dataSource;
        _options = options.Value;
        _logger = logger;
    }

    /// <summary>Applies the configured policies; returns the layout of <c>flows</c> they were applied to.</summary>
    public async Task<string> ApplyAsync(CancellationToken cancellationToken = default)
    {
        _options.ValidatePolicies();
        await using var connection = await _dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        var layout = await ReadLayoutAsync(connection, cancellationToken);
        await RecordAsync(connection, "raw_retention", _options.RawRetention, cancellationToken);
        await RecordAsync(connection, "compress_after", _options.CompressAfter, cancellationToken);
        if (layout == FlowsLayout.Hypertable)
        {
            await EnsureJobAsync(connection, Compression, _options.CompressAfter, cancellationToken);
            await EnsureJobAsync(connection, Retention, _options.RawRetention, cancellationToken);
        }
        await transaction.CommitAsync(cancellationToken);
        LogApplied(layout, _options.RawRetention, _options.CompressAfter);
        return layout;
    }

    private async Task EnsureJobAsync(NpgsqlConnection connection, TimescalePolicy policy, TimeSpan age, CancellationToken cancellationToken)
    {
        await using (var check = new NpgsqlCommand($"""
            SELECT EXISTS (SELECT 1 FROM timescaledb_information.jobs
                           WHERE hypertable_schema = current_schema() AND hypertable_name = 'flows'
                             AND proc_name = $1 AND (config->>'{policy.ConfigKey}')::interval = $2::interval)
            """, connection))
        {
            check.Parameters.Add(new() { Value = policy.ProcName });
            check.Parameters.Add(new() { Value = age });
            if ((bool)(await check.ExecuteScalarAsync(cancellationToken))!)
            {
                return;
            }
        }
        // Remove then add rather than alter_job: the age lives in the job's config, whose shape is TimescaleDB's
        // business; the add functions validate it. Both run in the caller's transaction.
        await using (var remove = new NpgsqlCommand($"SELECT {policy.RemoveFunction}('flows', if_exists => true)", connection))
        {
            await remove.ExecuteNonQueryAsync(cancellationToken);
        }
        await using (var add = new NpgsqlCommand($"SELECT {policy.AddFunction}('flows', $1::interval)", connection))
        {
            add.Parameters.Add(new() { Value = age });
            await add.ExecuteNonQueryAsync(cancellationToken);
        }
        LogJobReplaced(policy.ProcName, age);
    }

    private static async Task<string> ReadLayoutAsync(NpgsqlConnection connection, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand("SELECT value FROM flowviz_settings WHERE key = 'flows_layout'", connection);
        return await command.ExecuteScalarAsync(cancellationToken) as string
            ?? throw new InvalidOperationException("flowviz_settings has no flows_layout: run the migrations before the storage policies.");
    }

    private static async Task RecordAsync(NpgsqlConnection connection, string key, TimeSpan value, CancellationToken cancellationToken)
    {
        // Kept in the database so people (and psql) can read back what the running configuration is.
        await using var command = new NpgsqlCommand("""
            INSERT INTO flowviz_settings (key, value) VALUES ($1, $2::interval::text)
            ON CONFLICT (key) DO UPDATE SET value = excluded.value
            """, connection);
        command.Parameters.Add(new() { Value = key });
        command.Parameters.Add(new() { Value = value });
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Storage policies applied to {Layout}: raw flows kept {RawRetention}, compressed after {CompressAfter} (TimescaleDB only)")]
    private partial void LogApplied(string layout, TimeSpan rawRetention, TimeSpan compressAfter);

    [LoggerMessage(Level = LogLevel.Information, Message = "TimescaleDB job {Job} (re)created for an age of {Age}")]
    private partial void LogJobReplaced(string job, TimeSpan age);

    private sealed record TimescalePolicy(string ProcName, string ConfigKey, string AddFunction, string RemoveFunction);
}
