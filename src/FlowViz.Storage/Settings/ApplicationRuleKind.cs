using Npgsql;
using NpgsqlTypes;

namespace FlowViz.Storage.Settings;

/// <summary>application_rule_sets / application_rules.</summary>
internal sealed class ApplicationRuleKind : SettingsRowKind<ApplicationRuleRow>
{
    public static readonly ApplicationRuleKind Instance = new();

    public override string What => "application rules";

    public override string SetTable => "application_rule_sets";

    public override string RowTable => "application_rules";

    public override string SelectColumns => "name, protocol, ports";

    public override ApplicationRuleRow Read(NpgsqlDataReader row, int first) =>
        new(row.GetString(first), row.GetString(first + 1), row.GetString(first + 2));

    public override NpgsqlCommand Insert(long version, IReadOnlyList<ApplicationRuleRow> rows)
    {
        var command = new NpgsqlCommand("""
            INSERT INTO application_rules (set_version, position, name, protocol, ports)
            SELECT $1, t.ordinality - 1, t.name, t.protocol, t.ports
            FROM unnest($2::text[], $3::text[], $4::text[]) WITH ORDINALITY AS t (name, protocol, ports, ordinality)
            """);
        command.Parameters.Add(new() { Value = version });
        command.Parameters.Add(Texts(rows.Select(r => r.Name)));
        command.Parameters.Add(Texts(rows.Select(r => r.Protocol)));
        command.Parameters.Add(Texts(rows.Select(r => r.Ports)));
        return command;
    }

    public override bool Same(ApplicationRuleRow stored, ApplicationRuleRow configured) =>
        stored == Normalise(configured);

    /// <summary>What is stored for a rule: each field trimmed, no null ports.</summary>
    public static ApplicationRuleRow Normalise(ApplicationRuleRow row) =>
        new(row.Name?.Trim() ?? "", row.Protocol?.Trim() ?? "", row.Ports?.Trim() ?? "");

    private static NpgsqlParameter Texts(IEnumerable<string?> values) =>
        new() { Value = values.Select(v => v?.Trim() ?? "").ToArray(), NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Text };
}
