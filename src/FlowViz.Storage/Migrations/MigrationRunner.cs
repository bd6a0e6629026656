using Microsoft.Extensions.Logging;
using Npgsql;

namespace FlowViz.Storage.Migrations;

/// <summary>
/// Applies the embedded <c>db-migrations/*.sql</c> files that the database has not seen, in version order,
/// each in its own transaction, recording them in <c>schema_migrations</c>. The host calls
/// <see cref="ApplyAsync"/> once at start-up, before anything writes or queries.
/// </summary>
public sealed partial class MigrationRunner
{
    // A session-level advisory lock held for the whole run: a second instance starting at the same time
    // waits here, then finds the migrations already recorded and applies nothing. ASCII "FlowViz" + 1.
    private const long AdvisoryLockKey = 0x466C_6F77_5669_7A01;

    private readonly NpgsqlDataSource _dataSource;
    private readonly IReadOnlyList<Migration> _migrations;
    private readonly ILogger<MigrationRunner> _logger;

    public MigrationRunner(NpgsqlDataSource dataSource, ILogger<MigrationRunner> logger)
        : this(dataSource, EmbeddedMigrations.Load(), logger)
    {
    }

    public MigrationRunner(NpgsqlDataSource dataSource, IReadOnlyList<Migration> migrations, ILogger<MigrationRunner> logger)
    {
        _dataSource = dataSource;
        _migrations = migrations;
        _logger = logger;
    }

    /// <summary>Applies pending migrations and returns the versions applied by this call (empty when up to date).</summary>
    public async Task<IReadOnlyList<string>> ApplyAsync(CancellationToken cancellationToken = default)
    {
        await using var connection = await _dataSource.OpenConnectionAsync(cancellationToken);
        await ExecuteAsync(connection, $"SELECT pg_advisory_lock({AdvisoryLockKey})", cancellationToken);
        try
        {
            await ExecuteAsync(connection, """
                CREATE TABLE IF NOT EXISTS schema_migrations (
                    version    text PRIMARY KEY,
                    name       text NOT NULL,
                    checksum   text NOT NULL,
                    applied_at timestamptz NOT NULL DEFAULT now()
                )
                """, cancellationToken);
            var applied = await ReadAppliedAsync(connection, cancellationToken);
            var done = new List<string>();
            foreach (var migration in _migrations)
            {
                if (applied.TryGetValue(migration.Version, out var checksum))
                {
                    if (checksum != migration.Checksum)
                    {
                        // Not fatal: a comment fix is harmless, but a changed schema file needs a new migration instead.
                        LogChecksumChanged(migration.Version, migration.Name);
                    }
                    continue;
                }
                await ApplyOneAsync(connection, migration, cancellationToken);
                done.Add(migration.Version);
            }
            LogFinished(done.Count, _migrations.Count);
            return done;
        }
        finally
        {
            await ExecuteAsync(connection, $"SELECT pg_advisory_unlock({AdvisoryLockKey})", CancellationToken.None);
        }
    }

    private async Task ApplyOneAsync(NpgsqlConnection connection, Migration migration, CancellationToken cancellationToken)
    {
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        try
        {
            await ExecuteAsync(connection, migration.Sql, cancellationToken);
        }
        catch (PostgresException exception)
        {
            throw new InvalidOperationException(
                $"Migration {migration.Version}_{migration.Name} failed: {exception.MessageText} (SQLSTATE {exception.SqlState}).", exception);
        }
        await using (var record = new NpgsqlCommand(
            "INSERT INTO schema_migrations (version, name, checksum) VALUES ($1, $2, $3)", connection))
        {
            record.Parameters.Add(new() { Value = migration.Version });
            record.Parameters.Add(new() { Value = migration.Name });
            record.Parameters.Add(new() { Value = migration.Checksum });
            await record.ExecuteNonQueryAsync(cancellationToken);
        }
        await transaction.CommitAsync(cancellationToken);
        LogApplied(migration.Version, migration.Name);
    }

    private static async Task<Dictionary<string, string>> ReadAppliedAsync(NpgsqlConnection connection, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand("SELECT version, checksum FROM schema_migrations", connection);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var applied = new Dictionary<string, string>(StringComparer.Ordinal);
        while (await reader.ReadAsync(cancellationToken))
        {
            applied[reader.GetString(0)] = reader.GetString(1);
        }
        return applied;
    }

    private static async Task ExecuteAsync(NpgsqlConnection connection, string sql, CancellationToken cancellationToken)
    {
        // No timeout: waiting for another instance's lock, or a long migration, is not an error.
        await using var command = new NpgsqlCommand(sql, connection) { CommandTimeout = 0 };
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Applied migration {Version}_{Name}")]
    private partial void LogApplied(string version, string name);

    [LoggerMessage(Level = LogLevel.Information, Message = "Database schema up to date: applied {Applied} of {Known} migrations now")]
    private partial void LogFinished(int applied, int known);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Migration {Version}_{Name} changed after it was applied; the database keeps the old version")]
    private partial void LogChecksumChanged(string version, string name);
}
