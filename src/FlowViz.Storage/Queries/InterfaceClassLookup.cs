using FlowViz.Core.Interfaces;
using System.Net;
using FlowViz.Core.Queries;
using Npgsql;
using NpgsqlTypes;

namespace FlowViz.Storage.Queries;

/// <summary>
/// Reads the current class of interfaces named by their dimension keys ("exporter/ifindex"), for answers that list
/// interfaces with their connectivity and provider (and, with <see cref="DescribeAsync(IEnumerable{string}, CancellationToken)"/>, their names). Keys that do not
/// parse are left out.
/// </summary>
public sealed class InterfaceClassLookup(NpgsqlDataSource dataSource)
{
    public async Task<IReadOnlyDictionary<string, InterfaceClass>> FindAsync(IEnumerable<string> keys, CancellationToken cancellationToken) =>
        (await DescribeAsync(keys, cancellationToken))
            .Where(found => found.Value.Class is not null)
            .ToDictionary(found => found.Key, found => found.Value.Class!, StringComparer.Ordinal);

    /// <summary>
    /// Class, name and description of the interfaces named by <paramref name="keys"/>; keys known to neither
    /// interface_classes nor known_interfaces are left out.
    /// </summary>
    public async Task<IReadOnlyDictionary<string, InterfaceDetails>> DescribeAsync(IEnumerable<string> keys, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        return await DescribeAsync(connection, keys, cancellationToken);
    }

    /// <summary>
    /// <see cref="DescribeAsync(IEnumerable{string}, CancellationToken)"/> on a connection the caller holds (the query
    /// service names its interface rows on the connection that computed them: one connection per answer).
    /// </summary>
    internal static async Task<IReadOnlyDictionary<string, InterfaceDetails>> DescribeAsync(
        NpgsqlConnection connection, IEnumerable<string> keys, CancellationToken cancellationToken)
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
        var found = new Dictionary<string, InterfaceDetails>(StringComparer.Ordinal);
        if (exporters.Count == 0)
        {
            return found;
        }
        // Both joins are outer so that a named interface without a class (and a classed one without a name) is still
        // described; the WHERE keeps out keys neither table knows.
        await using var command = new NpgsqlCommand("""
            SELECT host(wanted.exporter), wanted.if_index, c.if_index IS NOT NULL, c.connectivity, c.provider, c.boundary, k.name, k.description
            FROM unnest($1::inet[], $2::bigint[]) AS wanted(exporter, if_index)
            LEFT JOIN interface_classes c ON c.if_exporter = wanted.exporter AND c.if_index = wanted.if_index
            LEFT JOIN known_interfaces k ON k.exporter = wanted.exporter AND k.if_index = wanted.if_index
            WHERE c.if_index IS NOT NULL OR k.if_index IS NOT NULL
            """, connection);
        command.Parameters.Add(new() { Value = exporters.ToArray(), NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Inet });
        command.Parameters.Add(new() { Value = indexes.ToArray(), NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Bigint });
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            string? Text(int i) => reader.IsDBNull(i) ? null : reader.GetString(i);
            var interfaceClass = reader.GetBoolean(2) ? new InterfaceClass(Text(3), Text(4), Text(5)) : null;
            found[DimensionLabels.InterfaceKey(reader.GetString(0), reader.GetInt64(1))] = new InterfaceDetails(interfaceClass, Text(6), Text(7));
        }
        return found;
    }
}
