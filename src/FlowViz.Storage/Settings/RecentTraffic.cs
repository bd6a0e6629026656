using System.Net;
using FlowViz.Core.Flows;
using FlowViz.Core.Queries;
using Npgsql;
using NpgsqlTypes;

namespace FlowViz.Storage.Settings;

/// <summary>
/// The raw flows of a time range summed the ways a settings preview needs: by protocol and ports (to re-run
/// candidate application rules), and by direction before/after candidate local networks. Raw flows, because the
/// rollups hold the stored application and direction, not the ports and addresses a candidate rule needs.
/// </summary>
public sealed class RecentTraffic(NpgsqlDataSource dataSource)
{
    public async Task<IReadOnlyList<PortTraffic>> ByPortsAsync(TimeRange range, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand("""
            SELECT protocol, src_port, dst_port, application, count(*), sum(bytes * greatest(sampling_rate, 1))::bigint
            FROM flows WHERE time_received >= $1 AND time_received < $2
            GROUP BY protocol, src_port, dst_port, application
            """);
        AddRange(command, range);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var rows = new List<PortTraffic>();
        while (await reader.ReadAsync(cancellationToken))
        {
            rows.Add(new PortTraffic(
                (byte)reader.GetInt16(0), (ushort)reader.GetInt32(1), (ushort)reader.GetInt32(2),
                reader.IsDBNull(3) ? null : reader.GetString(3), reader.GetInt64(4), reader.GetInt64(5)));
        }
        return rows;
    }

    /// <summary>Bytes by stored direction, and by the direction <paramref name="candidateNetworks"/> give (CUFlow's in/out).</summary>
    public async Task<DirectionTraffic> ByDirectionAsync(TimeRange range, IReadOnlyList<IPNetwork> candidateNetworks, CancellationToken cancellationToken)
    {
        var stored = new Dictionary<TrafficDirection, long>();
        await using (var command = dataSource.CreateCommand("""
            SELECT traffic_direction, sum(bytes * greatest(sampling_rate, 1))::bigint
            FROM flows WHERE time_received >= $1 AND time_received < $2 GROUP BY 1
            """))
        {
            AddRange(command, range);
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                stored[(TrafficDirection)reader.GetInt16(0)] = reader.GetInt64(1);
            }
        }
        var candidate = new Dictionary<TrafficDirection, long>();
        await using (var command = dataSource.CreateCommand("""
            SELECT coalesce(src_addr <<= ANY($3::cidr[]), false), coalesce(dst_addr <<= ANY($3::cidr[]), false), sum(bytes * greatest(sampling_rate, 1))::bigint
            FROM flows WHERE time_received >= $1 AND time_received < $2 GROUP BY 1, 2
            """))
        {
            AddRange(command, range);
            command.Parameters.Add(new() { Value = candidateNetworks.Select(n => n.ToString()).ToArray(), NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Text });
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                var direction = DirectionOf(reader.GetBoolean(0), reader.GetBoolean(1));
                candidate[direction] = candidate.GetValueOrDefault(direction) + reader.GetInt64(2);
            }
        }
        return new DirectionTraffic(stored, candidate);
    }

    // The same mapping as the enricher's (FlowEnricher.DirectionOf), which Storage cannot reference.
    private static TrafficDirection DirectionOf(bool sourceIsLocal, bool destinationIsLocal) => (sourceIsLocal, destinationIsLocal) switch
    {
        (true, true) => TrafficDirection.Internal,
        (true, false) => TrafficDirection.Out,
        (false, true) => TrafficDirection.In,
        (false, false) => TrafficDirection.Transit,
    };

    private static void AddRange(NpgsqlCommand command, TimeRange range)
    {
        command.Parameters.Add(new() { Value = range.From.UtcDateTime });
        command.Parameters.Add(new() { Value = range.To.UtcDateTime });
    }
}
