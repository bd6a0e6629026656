using FlowViz.Core.Versioning;
using Npgsql;

namespace FlowViz.Storage.Settings;

/// <summary>
/// One versioned settings list (db-migrations/0008_enrichment_settings.sql): read any version, the history, save a
/// new version under optimistic concurrency, seed from configuration. Saves of one list are serialised by a
/// transaction-level advisory lock, so the version check and the insert cannot interleave with another save.
/// </summary>
public sealed class VersionedSettings<TRow>
{
    private const string SetColumns = "version, source, saved_by, comment, created_at";
    private readonly NpgsqlDataSource _dataSource;
    private readonly SettingsRowKind<TRow> _kind;

    internal VersionedSettings(NpgsqlDataSource dataSource, SettingsRowKind<TRow> kind)
    {
        _dataSource = dataSource;
        _kind = kind;
    }

    /// <summary>The version <paramref name="version"/>, or the one in force when null; null when there is none.</summary>
    public async Task<SettingsVersion<TRow>?> ReadAsync(long? version, CancellationToken cancellationToken)
    {
        await using var connection = await _dataSource.OpenConnectionAsync(cancellationToken);
        return await ReadAsync(connection, null, version, cancellationToken);
    }

    /// <summary>Every saved version with its rows, newest first.</summary>
    public async Task<IReadOnlyList<SettingsVersion<TRow>>> HistoryAsync(CancellationToken cancellationToken)
    {
        await using var connection = await _dataSource.OpenConnectionAsync(cancellationToken);
        var rows = await RowsAsync(connection, null, null, cancellationToken);
        await using var command = new NpgsqlCommand($"SELECT {SetColumns} FROM {_kind.SetTable} ORDER BY version DESC", connection);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var versions = new List<SettingsVersion<TRow>>();
        while (await reader.ReadAsync(cancellationToken))
        {
            versions.Add(ReadSet(reader, rows.TryGetValue(reader.GetInt64(0), out var own) ? own : []));
        }
        return versions;
    }

    /// <summary>
    /// Saves <paramref name="rows"/> (already validated) as the new version when <paramref name="editedVersion"/> is
    /// the version in force (null: none is stored yet); otherwise throws <see cref="StaleVersionException"/>.
    /// </summary>
    public Task<SettingsVersion<TRow>> SaveAsync(
        IReadOnlyList<TRow> rows, long? editedVersion, string? savedBy, string? comment, CancellationToken cancellationToken) =>
        InLockAsync(async (connection, transaction) =>
        {
            var current = await CurrentVersionAsync(connection, transaction, cancellationToken);
            if (current != editedVersion)
            {
                throw new StaleVersionException(_kind.What, editedVersion, current);
            }
            return await AppendAsync(connection, transaction, rows, "api", savedBy, comment, cancellationToken);
        }, cancellationToken);

    /// <summary>
    /// Saves <paramref name="rows"/> from configuration as a new version when none is stored, or when the version in
    /// force came from configuration too and differs; a version saved by a person is kept. Returns what was saved.
    /// </summary>
    public Task<SettingsVersion<TRow>?> SeedAsync(IReadOnlyList<TRow> rows, string comment, CancellationToken cancellationToken) =>
        InLockAsync<SettingsVersion<TRow>?>(async (connection, transaction) =>
        {
            var current = await ReadAsync(connection, transaction, null, cancellationToken);
            var seed = current is null
                || (current.Source == "configuration"
                    && (current.Rows.Count != rows.Count || current.Rows.Zip(rows).Any(pair => !_kind.Same(pair.First, pair.Second))));
            return seed ? await AppendAsync(connection, transaction, rows, "configuration", null, comment, cancellationToken) : null;
        }, cancellationToken);

    private async Task<T> InLockAsync<T>(Func<NpgsqlConnection, NpgsqlTransaction, Task<T>> work, CancellationToken cancellationToken)
    {
        await using var connection = await _dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await using (var lockCommand = new NpgsqlCommand("SELECT pg_advisory_xact_lock(hashtext($1))", connection, transaction))
        {
            lockCommand.Parameters.Add(new() { Value = "flowviz_" + _kind.SetTable });
            await lockCommand.ExecuteNonQueryAsync(cancellationToken);
        }
        var result = await work(connection, transaction);
        await transaction.CommitAsync(cancellationToken);
        return result;
    }

    private async Task<long?> CurrentVersionAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand($"SELECT max(version) FROM {_kind.SetTable}", connection, transaction);
        return await command.ExecuteScalarAsync(cancellationToken) is long version ? version : null;
    }

    private async Task<SettingsVersion<TRow>> AppendAsync(
        NpgsqlConnection connection, NpgsqlTransaction transaction, IReadOnlyList<TRow> rows, string source, string? savedBy, string? comment,
        CancellationToken cancellationToken)
    {
        long version;
        await using (var insertSet = new NpgsqlCommand(
            $"INSERT INTO {_kind.SetTable} (source, saved_by, comment) VALUES ($1, $2, $3) RETURNING version", connection, transaction))
        {
            insertSet.Parameters.Add(new() { Value = source });
            insertSet.Parameters.Add(new() { Value = (object?)savedBy ?? DBNull.Value, NpgsqlDbType = NpgsqlTypes.NpgsqlDbType.Text });
            insertSet.Parameters.Add(new() { Value = (object?)comment ?? DBNull.Value, NpgsqlDbType = NpgsqlTypes.NpgsqlDbType.Text });
            version = (long)(await insertSet.ExecuteScalarAsync(cancellationToken))!;
        }
        await using (var insertRows = _kind.Insert(version, rows))
        {
            insertRows.Connection = connection;
            insertRows.Transaction = transaction;
            await insertRows.ExecuteNonQueryAsync(cancellationToken);
        }
        return (await ReadAsync(connection, transaction, version, cancellationToken))!;
    }

    private async Task<SettingsVersion<TRow>?> ReadAsync(NpgsqlConnection connection, NpgsqlTransaction? transaction, long? version, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(version is null
            ? $"SELECT {SetColumns} FROM {_kind.SetTable} ORDER BY version DESC LIMIT 1"
            : $"SELECT {SetColumns} FROM {_kind.SetTable} WHERE version = $1", connection, transaction);
        if (version is { } v)
        {
            command.Parameters.Add(new() { Value = v });
        }
        SettingsVersion<TRow> set;
        await using (var reader = await command.ExecuteReaderAsync(cancellationToken))
        {
            if (!await reader.ReadAsync(cancellationToken))
            {
                return null;
            }
            set = ReadSet(reader, []);
        }
        var rows = await RowsAsync(connection, transaction, set.Version, cancellationToken);
        return set with { Rows = rows.TryGetValue(set.Version, out var own) ? own : [] };
    }

    /// <summary>The rows of <paramref name="version"/> (of every version when null), by version, in position order.</summary>
    private async Task<Dictionary<long, List<TRow>>> RowsAsync(NpgsqlConnection connection, NpgsqlTransaction? transaction, long? version, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(
            $"SELECT set_version, {_kind.SelectColumns} FROM {_kind.RowTable} WHERE $1::bigint IS NULL OR set_version = $1 ORDER BY set_version, position",
            connection, transaction);
        command.Parameters.Add(new() { Value = (object?)version ?? DBNull.Value, NpgsqlDbType = NpgsqlTypes.NpgsqlDbType.Bigint });
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var rows = new Dictionary<long, List<TRow>>();
        while (await reader.ReadAsync(cancellationToken))
        {
            var setVersion = reader.GetInt64(0);
            if (!rows.TryGetValue(setVersion, out var list))
            {
                rows[setVersion] = list = [];
            }
            list.Add(_kind.Read(reader, 1));
        }
        return rows;
    }

    private static SettingsVersion<TRow> ReadSet(NpgsqlDataReader row, IReadOnlyList<TRow> rows) => new(
        row.GetInt64(0), rows, row.GetString(1), row.IsDBNull(2) ? null : row.GetString(2), row.IsDBNull(3) ? null : row.GetString(3),
        row.GetFieldValue<DateTimeOffset>(4));
}
