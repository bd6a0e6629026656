using Npgsql;

namespace FlowViz.Storage.Rollups;

/// <summary>
/// One row of <c>class_rollup_state</c> (db-migrations/0015): the buckets [From, To) of one level of the class rollup
/// and the digest of interface_classes they were computed under; <see cref="IsCurrent"/> when that digest is the one
/// interface_classes has now (in the reader's snapshot).
/// </summary>
internal sealed record ClassRollupState(string Classification, TimeInterval Covered, bool IsCurrent)
{
    private const string Select = """
        SELECT s.resolution, s.classification, s.covered_from, s.covered_to, s.classification = d.digest
        FROM class_rollup_state s CROSS JOIN interface_classes_digest d
        """;

    /// <summary>The digest of interface_classes now (0015's trigger keeps it).</summary>
    public static async Task<string> CurrentClassificationAsync(NpgsqlConnection connection, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand("SELECT digest FROM interface_classes_digest", connection);
        return (string)(await command.ExecuteScalarAsync(cancellationToken))!;
    }

    /// <summary>Every level's state, by resolution name.</summary>
    public static async Task<Dictionary<string, ClassRollupState>> ReadAllAsync(NpgsqlConnection connection, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(Select, connection);
        var states = new Dictionary<string, ClassRollupState>(StringComparer.Ordinal);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            states[reader.GetString(0)] = new ClassRollupState(
                reader.GetString(1),
                new TimeInterval(reader.GetFieldValue<DateTimeOffset>(2), reader.GetFieldValue<DateTimeOffset>(3)),
                reader.GetBoolean(4));
        }
        return states;
    }

    public static async Task SaveAsync(
        NpgsqlConnection connection, RollupResolution resolution, ClassRollupState state, CancellationToken cancellationToken) =>
        await RollupBuilder.ExecuteAsync(connection, """
            INSERT INTO class_rollup_state (resolution, classification, covered_from, covered_to) VALUES ($1, $2, $3, $4)
            ON CONFLICT (resolution) DO UPDATE
            SET classification = excluded.classification, covered_from = excluded.covered_from, covered_to = excluded.covered_to
            """, cancellationToken, resolution.Name, state.Classification, state.Covered.From, state.Covered.To);
}
