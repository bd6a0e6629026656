using FlowViz.Core.Interfaces;
using Npgsql;
using NpgsqlTypes;

namespace FlowViz.Storage.Interfaces;

/// <summary>Reads and appends versions of interface_rule_sets (db-migrations/0006_interfaces.sql).</summary>
internal static class InterfaceRuleSets
{
    private const string Columns = "version, rules::text, source, comment, created_at, saved_by";

    /// <summary>The set of <paramref name="version"/>, or the newest when null.</summary>
    public static async Task<InterfaceRuleSet?> ReadAsync(NpgsqlConnection connection, NpgsqlTransaction? transaction, long? version, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(version is null
            ? $"SELECT {Columns} FROM interface_rule_sets ORDER BY version DESC LIMIT 1"
            : $"SELECT {Columns} FROM interface_rule_sets WHERE version = $1", connection, transaction);
        if (version is { } v)
        {
            command.Parameters.Add(new() { Value = v });
        }
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        return await reader.ReadAsync(cancellationToken) ? Read(reader) : null;
    }

    public static async Task<IReadOnlyList<InterfaceRuleSet>> ReadAllAsync(NpgsqlConnection connection, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand($"SELECT {Columns} FROM interface_rule_sets ORDER BY version DESC", connection);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var sets = new List<InterfaceRuleSet>();
        while (await reader.ReadAsync(cancellationToken))
        {
            sets.Add(Read(reader));
        }
        return sets;
    }

    /// <summary>Saves <paramref name="rules"/> as the newest version and returns it.</summary>
    public static async Task<InterfaceRuleSet> AppendAsync(
        NpgsqlConnection connection, NpgsqlTransaction transaction, IReadOnlyList<InterfaceRule> rules, string source, string? comment, CancellationToken cancellationToken, string? savedBy = null)
    {
        await using var command = new NpgsqlCommand(
            $"INSERT INTO interface_rule_sets (rules, source, comment, saved_by) VALUES ($1, $2, $3, $4) RETURNING {Columns}", connection, transaction);
        command.Parameters.Add(new() { Value = InterfaceRuleJson.Serialize(rules), NpgsqlDbType = NpgsqlDbType.Jsonb });
        command.Parameters.Add(new() { Value = source });
        command.Parameters.Add(new() { Value = (object?)comment ?? DBNull.Value, NpgsqlDbType = NpgsqlDbType.Text });
        command.Parameters.Add(new() { Value = (object?)savedBy ?? DBNull.Value, NpgsqlDbType = NpgsqlDbType.Text });
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        await reader.ReadAsync(cancellationToken);
        return Read(reader);
    }

    /// <summary>True when <paramref name="rules"/> equal the stored set's rules (compared as jsonb, so key order and spacing do not matter).</summary>
    public static async Task<bool> EqualsAsync(
        NpgsqlConnection connection, NpgsqlTransaction transaction, long version, IReadOnlyList<InterfaceRule> rules, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand("SELECT rules = $2 FROM interface_rule_sets WHERE version = $1", connection, transaction);
        command.Parameters.Add(new() { Value = version });
        command.Parameters.Add(new() { Value = InterfaceRuleJson.Serialize(rules), NpgsqlDbType = NpgsqlDbType.Jsonb });
        return await command.ExecuteScalarAsync(cancellationToken) is true;
    }

    private static InterfaceRuleSet Read(NpgsqlDataReader row) => new(
        row.GetInt64(0),
        InterfaceRuleJson.Deserialize(row.GetString(1)),
        row.GetString(2),
        row.IsDBNull(3) ? null : row.GetString(3),
        row.GetFieldValue<DateTimeOffset>(4),
        row.IsDBNull(5) ? null : row.GetString(5));
}
