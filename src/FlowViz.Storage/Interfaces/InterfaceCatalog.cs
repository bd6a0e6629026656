using System.Net;
using FlowViz.Core.Interfaces;
using FlowViz.Core.Queries;
using FlowViz.Core.Versioning;
using Npgsql;

namespace FlowViz.Storage.Interfaces;

/// <summary><see cref="IInterfaceCatalog"/> over the interfaces, interface_rule_sets and interface_classes tables.</summary>
public sealed class InterfaceCatalog(NpgsqlDataSource dataSource, InterfaceSources sources) : IInterfaceCatalog
{
    private const string ClassColumns = "c.if_exporter IS NOT NULL, c.connectivity, c.provider, c.boundary";

    public async Task<IReadOnlyList<ClassifiedInterface>> ListAsync(CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand($"""
            SELECT {KnownInterfaces.Columns}, {ClassColumns}
            FROM known_interfaces k
            LEFT JOIN interface_classes c ON c.if_exporter = k.exporter AND c.if_index = k.if_index
            ORDER BY c.if_exporter IS NULL DESC, k.exporter, k.if_index
            """);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var interfaces = new List<ClassifiedInterface>();
        while (await reader.ReadAsync(cancellationToken))
        {
            interfaces.Add(new ClassifiedInterface(KnownInterfaces.Read(reader, 0), ReadClass(reader, 8)));
        }
        return interfaces;
    }

    public async Task<InterfaceRuleSet?> RulesAsync(long? version, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        return await InterfaceRuleSets.ReadAsync(connection, null, version, cancellationToken);
    }

    public async Task<IReadOnlyList<InterfaceRuleSet>> RuleHistoryAsync(CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        return await InterfaceRuleSets.ReadAllAsync(connection, cancellationToken);
    }

    public Task<InterfaceRuleSet> SaveRulesAsync(IReadOnlyList<InterfaceRule> rules, string? comment, CancellationToken cancellationToken) =>
        SaveRulesAsync(rules, comment, editedVersion: null, savedBy: null, cancellationToken);

    public async Task<InterfaceRuleSet> SaveRulesAsync(
        IReadOnlyList<InterfaceRule> rules, string? comment, long? editedVersion, string? savedBy, CancellationToken cancellationToken)
    {
        InterfaceClassifier.Compile(rules); // throws with every error before anything is written
        InterfaceRuleSet? saved = null;
        await sources.ChangeAsync(async (connection, transaction) =>
        {
            // Under the classes lock (taken by ChangeAsync), so no other save can come between the check and the insert.
            if (editedVersion is not null
                && (await InterfaceRuleSets.ReadAsync(connection, transaction, null, cancellationToken))?.Version is var current && current != editedVersion)
            {
                throw new StaleVersionException("interface rules", editedVersion, current);
            }
            saved = await InterfaceRuleSets.AppendAsync(connection, transaction, rules, "api", comment, cancellationToken, savedBy);
            return true;
        }, cancellationToken);
        return saved!;
    }

    public async Task<IReadOnlyList<InterfacePreview>> PreviewAsync(IReadOnlyList<InterfaceRule> rules, CancellationToken cancellationToken)
    {
        var candidate = InterfaceClassifier.Compile(rules);
        var current = await ListAsync(cancellationToken);
        return [.. current.Select(known =>
        {
            var i = known.Interface;
            var match = candidate.Classify(i.Exporter, i.IfIndex, i.Name, i.Description);
            return new InterfacePreview(i, known.Class, match.Class, match.RuleIndex, match.Error);
        })];
    }

    public async Task<IReadOnlyList<UnclassifiedInterface>> UnclassifiedWithTrafficAsync(TimeRange range, CancellationToken cancellationToken)
    {
        // Raw flows for now; a per-interface minute rollup can answer this more cheaply once it exists.
        await using var command = dataSource.CreateCommand("""
            WITH used AS (
                SELECT exporter, input_if AS if_index, count(*) AS flows, sum(bytes * greatest(sampling_rate, 1)) AS bytes
                FROM flows WHERE time_received >= $1 AND time_received < $2 AND exporter IS NOT NULL GROUP BY 1, 2
                UNION ALL
                SELECT exporter, output_if, count(*), sum(bytes * greatest(sampling_rate, 1))
                FROM flows WHERE time_received >= $1 AND time_received < $2 AND exporter IS NOT NULL GROUP BY 1, 2),
            totals AS (
                SELECT exporter, if_index, sum(flows)::bigint AS flows, sum(bytes)::bigint AS bytes
                FROM used WHERE if_index <> 0 GROUP BY 1, 2)
            SELECT t.exporter, t.if_index, k.name, k.description, t.flows, t.bytes
            FROM totals t
            LEFT JOIN interface_classes c ON c.if_exporter = t.exporter AND c.if_index = t.if_index
            LEFT JOIN known_interfaces k ON k.exporter = t.exporter AND k.if_index = t.if_index
            WHERE c.if_exporter IS NULL
            ORDER BY t.bytes DESC, t.exporter, t.if_index
            """);
        command.Parameters.Add(new() { Value = range.From.UtcDateTime });
        command.Parameters.Add(new() { Value = range.To.UtcDateTime });
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var interfaces = new List<UnclassifiedInterface>();
        while (await reader.ReadAsync(cancellationToken))
        {
            interfaces.Add(new UnclassifiedInterface(
                reader.GetFieldValue<IPAddress>(0), reader.GetInt64(1),
                reader.IsDBNull(2) ? null : reader.GetString(2), reader.IsDBNull(3) ? null : reader.GetString(3),
                reader.GetInt64(4), reader.GetInt64(5)));
        }
        return interfaces;
    }

    private static InterfaceClass? ReadClass(NpgsqlDataReader row, int first) => row.GetBoolean(first)
        ? new InterfaceClass(
            row.IsDBNull(first + 1) ? null : row.GetString(first + 1),
            row.IsDBNull(first + 2) ? null : row.GetString(first + 2),
            row.IsDBNull(first + 3) ? null : row.GetString(first + 3))
        : null;
}
