using System.Net;
using FlowViz.Core.Counters;
using FlowViz.Core.Queries;
using Npgsql;

namespace FlowViz.Storage.Counters;

/// <summary>
/// Rates from <c>interface_counters</c> (0003): window functions pair each poll with the previous poll of the same
/// (exporter, sub-agent, ifIndex), both inside the range; a pair is usable when time moved forward and neither octet
/// counter went down (a decrease is a reset: the device or agent restarted). Averages are the octets of the usable
/// pairs over their seconds, so irregular polling weighs each second once. Every value is a parameter.
/// </summary>
public sealed class InterfaceCounterQueries(NpgsqlDataSource dataSource) : IInterfaceCounterQueries
{
    // $1 from, $2 to (half-open); SeriesAsync adds the interface as $3, $4.
    private static string Pairs(string interfaceCondition) => $$"""
        WITH polls AS (
            SELECT exporter, if_index, time_received, if_speed, in_octets, out_octets,
                   lag(time_received) OVER w AS previous_time,
                   lag(in_octets) OVER w AS previous_in,
                   lag(out_octets) OVER w AS previous_out
            FROM interface_counters
            WHERE time_received >= $1 AND time_received < $2 {{interfaceCondition}}
            WINDOW w AS (PARTITION BY exporter, observation_domain_id, if_index ORDER BY time_received)
        ), pairs AS (
            SELECT exporter, if_index, time_received, if_speed,
                   nullif(extract(epoch FROM time_received - previous_time), 0) AS seconds,
                   in_octets - previous_in AS in_delta,
                   out_octets - previous_out AS out_delta
            FROM polls
            WHERE previous_time IS NOT NULL
        ), usable AS (
            SELECT *, seconds IS NOT NULL AND seconds > 0 AND in_delta >= 0 AND out_delta >= 0 AS ok FROM pairs
        )
        """;

    private static readonly string RatesSql = Pairs("") + """
        SELECT host(exporter), if_index,
               (sum(in_delta) FILTER (WHERE ok) * 8 / sum(seconds) FILTER (WHERE ok))::float8,
               (sum(out_delta) FILTER (WHERE ok) * 8 / sum(seconds) FILTER (WHERE ok))::float8,
               (max(in_delta * 8 / seconds) FILTER (WHERE ok))::float8,
               (max(out_delta * 8 / seconds) FILTER (WHERE ok))::float8,
               least((array_agg(if_speed ORDER BY time_received DESC))[1], 9223372036854775807)::bigint,
               (count(*) FILTER (WHERE ok))::int,
               (count(*) FILTER (WHERE in_delta < 0 OR out_delta < 0))::int
        FROM usable
        GROUP BY exporter, if_index
        HAVING count(*) FILTER (WHERE ok) > 0
        ORDER BY exporter, if_index
        """;

    // $5 step in seconds: a pair belongs to the bucket its later poll falls in.
    private static readonly string SeriesSql = Pairs("AND exporter = $3 AND if_index = $4") + """
        SELECT (floor(extract(epoch FROM time_received) / $5) * $5)::bigint AS bucket,
               (sum(in_delta) * 8 / sum(seconds))::float8,
               (sum(out_delta) * 8 / sum(seconds))::float8
        FROM usable
        WHERE ok
        GROUP BY bucket
        ORDER BY bucket
        """;

    public async Task<IReadOnlyList<InterfaceCounterRates>> RatesAsync(TimeRange range, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand(RatesSql);
        command.Parameters.Add(new NpgsqlParameter { Value = range.From });
        command.Parameters.Add(new NpgsqlParameter { Value = range.To });
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var rates = new List<InterfaceCounterRates>();
        while (await reader.ReadAsync(cancellationToken))
        {
            rates.Add(new InterfaceCounterRates(
                IPAddress.Parse(reader.GetString(0)), reader.GetInt64(1),
                reader.GetDouble(2), reader.GetDouble(3), reader.GetDouble(4), reader.GetDouble(5),
                reader.GetInt64(6), reader.GetInt32(7), reader.GetInt32(8)));
        }
        return rates;
    }

    public async Task<IReadOnlyList<InterfaceCounterPoint>> SeriesAsync(
        IPAddress exporter, long ifIndex, TimeRange range, int stepSeconds, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(stepSeconds);
        // Stored exporters are plain IPv4 for IPv4 agents; a mapped address names the same one.
        var plain = exporter.IsIPv4MappedToIPv6 ? exporter.MapToIPv4() : exporter;
        await using var command = dataSource.CreateCommand(SeriesSql);
        command.Parameters.Add(new NpgsqlParameter { Value = range.From });
        command.Parameters.Add(new NpgsqlParameter { Value = range.To });
        command.Parameters.Add(new NpgsqlParameter { Value = plain, NpgsqlDbType = NpgsqlTypes.NpgsqlDbType.Inet });
        command.Parameters.Add(new NpgsqlParameter { Value = ifIndex });
        command.Parameters.Add(new NpgsqlParameter { Value = stepSeconds });
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var points = new List<InterfaceCounterPoint>();
        while (await reader.ReadAsync(cancellationToken))
        {
            points.Add(new InterfaceCounterPoint(reader.GetInt64(0), reader.GetDouble(1), reader.GetDouble(2)));
        }
        return points;
    }
}
