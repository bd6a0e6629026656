using System.Globalization;
using System.Net;
using FlowViz.Core.Filtering;
using FlowViz.Core.Interfaces;
using Npgsql;
using NpgsqlTypes;

namespace FlowViz.Storage.Interfaces;

/// <summary>
/// Writes what each source says about interfaces into the interfaces table, one source's rows at a time, and
/// recomputes interface_classes in the same transaction when that changed what FlowViz knows.
/// </summary>
public sealed class InterfaceSources(NpgsqlDataSource dataSource, InterfaceClassesRebuilder rebuilder, TimeProvider time)
{
    private const string ScannedUntilKey = "interfaces_flows_scanned_until";

    /// <summary>How far back the first scan of flows for interfaces looks.</summary>
    public static readonly TimeSpan FirstScanWindow = TimeSpan.FromHours(24);

    /// <summary>Makes the 'configuration' rows equal <paramref name="configured"/>; true when anything changed.</summary>
    public Task<bool> ReplaceConfiguredAsync(IReadOnlyList<ConfiguredInterface> configured, CancellationToken cancellationToken)
    {
        var rows = configured.Select(c => new Row(ParseExporter(c.Exporter), c.IfIndex, Blank(c.Name), Blank(c.Description), c.SpeedBps)).ToList();
        return ChangeAsync(async (connection, transaction) =>
        {
            await using var delete = new NpgsqlCommand(
                "DELETE FROM interfaces WHERE source = 'configuration' AND (exporter, if_index) NOT IN " +
                "(SELECT * FROM unnest($1::inet[], $2::bigint[]))", connection, transaction);
            delete.Parameters.Add(new() { Value = rows.Select(r => r.Exporter).ToArray(), NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Inet });
            delete.Parameters.Add(new() { Value = rows.Select(r => r.IfIndex).ToArray() });
            var deleted = await delete.ExecuteNonQueryAsync(cancellationToken);
            var upserted = await UpsertAsync(connection, transaction, "configuration", rows, cancellationToken);
            return deleted + upserted > 0;
        }, cancellationToken);
    }

    /// <summary>
    /// Records what exporters said: names and descriptions as 'options' rows, speeds as 'sflow' rows; true when
    /// anything new was learned. Every reported interface's last_seen moves to now.
    /// </summary>
    public Task<bool> RecordObservedAsync(IReadOnlyList<ObservedInterface> observed, CancellationToken cancellationToken)
    {
        var named = observed.Where(o => o.Name is not null || o.Description is not null)
            .Select(o => new Row(o.Exporter, o.IfIndex, o.Name, o.Description, null)).ToList();
        var measured = observed.Where(o => o.SpeedBps is not null)
            .Select(o => new Row(o.Exporter, o.IfIndex, null, null, o.SpeedBps)).ToList();
        return ChangeAsync(async (connection, transaction) =>
            await UpsertAsync(connection, transaction, "options", named, cancellationToken)
            + await UpsertAsync(connection, transaction, "sflow", measured, cancellationToken) > 0, cancellationToken);
    }

    /// <summary>
    /// Records the interfaces (exporter, input or output index other than 0) of the flows received since the
    /// last scan and before <paramref name="until"/> as 'flows' rows; true when one was not known before.
    /// </summary>
    public Task<bool> RecordSeenInFlowsAsync(DateTimeOffset until, CancellationToken cancellationToken) =>
        ChangeAsync(async (connection, transaction) =>
        {
            var from = await ScannedUntilAsync(connection, transaction, cancellationToken) ?? until - FirstScanWindow;
            if (from >= until)
            {
                return false;
            }
            await using var scan = new NpgsqlCommand("""
                WITH used AS (
                    SELECT exporter, input_if AS if_index, time_received FROM flows
                    WHERE time_received >= $1 AND time_received < $2 AND exporter IS NOT NULL
                    UNION ALL
                    SELECT exporter, output_if, time_received FROM flows
                    WHERE time_received >= $1 AND time_received < $2 AND exporter IS NOT NULL),
                seen AS (
                    SELECT exporter, if_index, min(time_received) AS first_seen, max(time_received) AS last_seen
                    FROM used WHERE if_index <> 0 GROUP BY exporter, if_index),
                new AS (
                    SELECT count(*) AS n FROM seen s
                    WHERE NOT EXISTS (SELECT 1 FROM interfaces i WHERE i.exporter = s.exporter AND i.if_index = s.if_index)),
                upsert AS (
                    INSERT INTO interfaces AS i (exporter, if_index, source, first_seen, last_seen)
                    SELECT exporter, if_index, 'flows', first_seen, last_seen FROM seen
                    ON CONFLICT (exporter, if_index, source) DO UPDATE SET last_seen = greatest(i.last_seen, excluded.last_seen))
                SELECT n FROM new
                """, connection, transaction);
            scan.Parameters.Add(new() { Value = from.UtcDateTime });
            scan.Parameters.Add(new() { Value = until.UtcDateTime });
            var added = (long)(await scan.ExecuteScalarAsync(cancellationToken))!;
            await using var mark = new NpgsqlCommand(
                "INSERT INTO flowviz_settings (key, value) VALUES ($1, $2) ON CONFLICT (key) DO UPDATE SET value = excluded.value",
                connection, transaction);
            mark.Parameters.Add(new() { Value = ScannedUntilKey });
            mark.Parameters.Add(new() { Value = until.UtcDateTime.ToString("O", CultureInfo.InvariantCulture) });
            await mark.ExecuteNonQueryAsync(cancellationToken);
            return added > 0;
        }, cancellationToken);

    /// <summary>
    /// Saves <paramref name="rules"/> from configuration as a new version when there is no rule set yet, or when the
    /// set in force came from configuration too and differs; a set saved through the API is kept. Then recomputes
    /// the classes (also when nothing was saved, so they always match the rules after a start).
    /// </summary>
    public async Task<InterfaceRuleSet?> SeedRulesAsync(IReadOnlyList<InterfaceRule> rules, CancellationToken cancellationToken)
    {
        InterfaceClassifier.Compile(rules);
        InterfaceRuleSet? saved = null;
        await ChangeAsync(async (connection, transaction) =>
        {
            var current = await InterfaceRuleSets.ReadAsync(connection, transaction, null, cancellationToken);
            var seed = current is null
                ? rules.Count > 0
                : current.Source == "configuration" && !await InterfaceRuleSets.EqualsAsync(connection, transaction, current.Version, rules, cancellationToken);
            if (seed)
            {
                saved = await InterfaceRuleSets.AppendAsync(connection, transaction, rules, "configuration", "from configuration (Interfaces:Rules)", cancellationToken);
            }
            return true;
        }, cancellationToken);
        return saved;
    }

    /// <summary>Runs <paramref name="change"/> under the classes lock; recomputes the classes when it reports a change.</summary>
    internal async Task<bool> ChangeAsync(Func<NpgsqlConnection, NpgsqlTransaction, Task<bool>> change, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await InterfaceClassesRebuilder.LockAsync(connection, transaction, cancellationToken);
        var changed = await change(connection, transaction);
        if (changed)
        {
            await rebuilder.RebuildAsync(connection, transaction, cancellationToken);
        }
        await transaction.CommitAsync(cancellationToken);
        return changed;
    }

    private async Task<int> UpsertAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, string source, List<Row> rows, CancellationToken cancellationToken)
    {
        if (rows.Count == 0)
        {
            return 0;
        }
        // Every CTE sees the table as it was before the upsert, so "changed" compares with the old values.
        await using var command = new NpgsqlCommand("""
            WITH incoming AS (
                SELECT DISTINCT ON (exporter, if_index) *
                FROM unnest($1::inet[], $2::bigint[], $3::text[], $4::text[], $5::bigint[]) AS t (exporter, if_index, name, description, speed_bps)),
            changed AS (
                SELECT count(*) AS n FROM incoming n
                LEFT JOIN interfaces i ON i.exporter = n.exporter AND i.if_index = n.if_index AND i.source = $6
                WHERE i.exporter IS NULL OR (i.name, i.description, i.speed_bps) IS DISTINCT FROM (n.name, n.description, n.speed_bps)),
            upsert AS (
                INSERT INTO interfaces AS i (exporter, if_index, source, name, description, speed_bps, first_seen, last_seen)
                SELECT exporter, if_index, $6, name, description, speed_bps, $7, $7 FROM incoming
                ON CONFLICT (exporter, if_index, source) DO UPDATE
                SET name = excluded.name, description = excluded.description, speed_bps = excluded.speed_bps, last_seen = excluded.last_seen)
            SELECT n FROM changed
            """, connection, transaction);
        command.Parameters.Add(new() { Value = rows.Select(r => r.Exporter).ToArray(), NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Inet });
        command.Parameters.Add(new() { Value = rows.Select(r => r.IfIndex).ToArray() });
        command.Parameters.Add(new() { Value = rows.Select(r => r.Name).ToArray(), NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Text });
        command.Parameters.Add(new() { Value = rows.Select(r => r.Description).ToArray(), NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Text });
        command.Parameters.Add(new() { Value = rows.Select(r => r.SpeedBps).ToArray(), NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Bigint });
        command.Parameters.Add(new() { Value = source });
        command.Parameters.Add(new() { Value = time.GetUtcNow().UtcDateTime });
        return (int)(long)(await command.ExecuteScalarAsync(cancellationToken))!;
    }

    private static async Task<DateTimeOffset?> ScannedUntilAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand("SELECT value FROM flowviz_settings WHERE key = $1", connection, transaction);
        command.Parameters.Add(new() { Value = ScannedUntilKey });
        return await command.ExecuteScalarAsync(cancellationToken) is string text
            ? DateTimeOffset.Parse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal)
            : null;
    }

    private static IPAddress ParseExporter(string text) =>
        FilterValues.TryParseAddress(text.Trim(), out var address) ? address : throw new ArgumentException($"'{text}' is not an IP address.", nameof(text));

    private static string? Blank(string? text) => string.IsNullOrWhiteSpace(text) ? null : text;

    private sealed record Row(IPAddress Exporter, long IfIndex, string? Name, string? Description, long? SpeedBps);
}
