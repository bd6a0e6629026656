using System.Net;
using FlowViz.Core.Interfaces;
using Npgsql;

namespace FlowViz.Storage.Interfaces;

/// <summary>Reads the view known_interfaces (one row per interface, db-migrations/0006_interfaces.sql).</summary>
internal static class KnownInterfaces
{
    public const string Columns = "k.exporter, k.if_index, k.name, k.description, k.speed_bps, k.sources, k.first_seen, k.last_seen";

    public static async Task<IReadOnlyList<KnownInterface>> ReadAsync(NpgsqlConnection connection, NpgsqlTransaction? transaction, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand($"SELECT {Columns} FROM known_interfaces k ORDER BY k.exporter, k.if_index", connection, transaction);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var interfaces = new List<KnownInterface>();
        while (await reader.ReadAsync(cancellationToken))
        {
            interfaces.Add(Read(reader, 0));
        }
        return interfaces;
    }

    /// <summary>The <see cref="Columns"/> starting at <paramref name="first"/>.</summary>
    public static KnownInterface Read(NpgsqlDataReader row, int first) => new(
        row.GetFieldValue<IPAddress>(first),
        row.GetInt64(first + 1),
        row.IsDBNull(first + 2) ? null : row.GetString(first + 2),
        row.IsDBNull(first + 3) ? null : row.GetString(first + 3),
        row.IsDBNull(first + 4) ? null : row.GetInt64(first + 4),
        row.GetFieldValue<string[]>(first + 5),
        row.GetFieldValue<DateTimeOffset>(first + 6),
        row.GetFieldValue<DateTimeOffset>(first + 7));
}
