using FlowViz.Core.Interfaces;
using System.Net;
using FlowViz.Core.Queries;
using Npgsql;
using NpgsqlTypes;

namespace FlowViz.Storage.Queries;

/// <summary>
/// Reads the current class of interfaces named by their dimension keys ("exporter/ifindex"), for answers that list
/// interfaces with their connectivity and provider. Keys that do not parse or have no class are left out.
/// </summary>
public sealed class InterfaceClassLookup(NpgsqlDataSource dataSource)
{
    public async Task<IReadOnlyDictionary<string, InterfaceClass>> FindAsync(IEnumerable<string> keys, CancellationToken cancellationToken)
    {
        var exporters = new List<IPAddress>();
        var indexes = new List<long>();
        foreach (var key in keys.Distinct(StringComparer.Ordinal))
        {
            if (DimensionLabels.TryParseInterfaceKey(key, out var exporter, out var ifIndex) && IPAddress.TryParse(exporter, out var address))
            {
                exporters.Add(address);
                indexes.Add(ifIndex);
            }
        }
        var found = new Dictionary<string, InterfaceClass>(StringComparer.Ordinal);
        if (exporters.Count == 0)
        {
            return found;
        }
        await using var command = dataSource.CreateCommand("""
            SELECT host(c.if_exporter), c.if_index, c.connectivity, c.provider, c.boundary
            FROM unnest($1::inet[], $2::bigint[]) AS wanted(exporter, if_index)
            JOIN interface_classes c ON c.if_exporter = wanted.exporter AND c.if_index = wanted.if_index
            """);
        command.Parameters.Add(new() { Value = exporters.ToArray(), NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Inet });
        command.Parameters.Add(new() { Value = indexes.ToArray(), NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Bigint });
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            string? Text(int i) => reader.IsDBNull(i) ? null : reader.GetString(i);
            found[DimensionLabels.InterfaceKey(reader.GetString(0), reader.GetInt64(1))] = new InterfaceClass(Text(2), Text(3), Text(4));
        }
        return found;
    }
}
