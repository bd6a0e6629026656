using System.Net;
using Npgsql;
using NpgsqlTypes;

namespace FlowViz.Storage.Settings;

/// <summary>local_network_sets / local_networks; prefixes are <c>cidr</c>, so the database refuses host bits too.</summary>
internal sealed class LocalNetworkKind : SettingsRowKind<LocalNetworkRow>
{
    public static readonly LocalNetworkKind Instance = new();

    public override string What => "local networks";

    public override string SetTable => "local_network_sets";

    public override string RowTable => "local_networks";

    public override string SelectColumns => "name, prefix::text";

    public override LocalNetworkRow Read(NpgsqlDataReader row, int first) => new(row.GetString(first), row.GetString(first + 1));

    public override NpgsqlCommand Insert(long version, IReadOnlyList<LocalNetworkRow> rows)
    {
        var command = new NpgsqlCommand("""
            INSERT INTO local_networks (set_version, position, name, prefix)
            SELECT $1, t.ordinality - 1, t.name, t.prefix::cidr FROM unnest($2::text[], $3::text[]) WITH ORDINALITY AS t (name, prefix, ordinality)
            """);
        command.Parameters.Add(new() { Value = version });
        command.Parameters.Add(new() { Value = rows.Select(r => r.Name.Trim()).ToArray(), NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Text });
        command.Parameters.Add(new() { Value = rows.Select(r => r.Prefix.Trim()).ToArray(), NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Text });
        return command;
    }

    // The database prints prefixes its own way (lower-case IPv6, no leading zeros): compare the networks, not the text.
    public override bool Same(LocalNetworkRow stored, LocalNetworkRow configured) =>
        stored.Name == configured.Name.Trim()
        && (IPNetwork.TryParse(stored.Prefix, out var a) && IPNetwork.TryParse(configured.Prefix.Trim(), out var b)
            ? a.Equals(b)
            : stored.Prefix == configured.Prefix.Trim());
}
