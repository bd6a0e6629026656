using FlowViz.Core.Counters;
using Npgsql;
using NpgsqlTypes;

namespace FlowViz.Storage.Counters;

/// <summary>
/// Stores sFlow counter samples with one INSERT … SELECT FROM unnest(arrays) per batch: every value is a
/// parameter, and a batch of any size is one statement. Counter samples are few (one per interface every
/// 20-30 s), so COPY's setup would buy nothing here.
/// </summary>
public sealed class InterfaceCounterWriter(NpgsqlDataSource dataSource) : IInterfaceCounterWriter
{
    private const string Insert = """
        INSERT INTO interface_counters (time_received, exporter, observation_domain_id, if_index, if_type, if_speed,
            if_direction, if_status, in_octets, in_unicast_packets, in_multicast_packets, in_broadcast_packets,
            in_discards, in_errors, in_unknown_protos, out_octets, out_unicast_packets, out_multicast_packets,
            out_broadcast_packets, out_discards, out_errors)
        SELECT * FROM unnest($1::timestamptz[], $2::inet[], $3::bigint[], $4::bigint[], $5::bigint[], $6::numeric[],
            $7::smallint[], $8::smallint[], $9::numeric[], $10::bigint[], $11::bigint[], $12::bigint[],
            $13::bigint[], $14::bigint[], $15::bigint[], $16::numeric[], $17::bigint[], $18::bigint[],
            $19::bigint[], $20::bigint[], $21::bigint[])
        """;

    public async Task WriteAsync(IReadOnlyList<InterfaceCounterRecord> counters, CancellationToken cancellationToken)
    {
        if (counters.Count == 0)
        {
            return;
        }
        await using var command = dataSource.CreateCommand(Insert);
        Add(command, NpgsqlDbType.TimestampTz, counters, c => DateTime.SpecifyKind(c.TimeReceived, DateTimeKind.Utc));
        Add(command, NpgsqlDbType.Inet, counters, c => c.Exporter.ToIPAddress());
        Add(command, NpgsqlDbType.Bigint, counters, c => (long)c.ObservationDomainId);
        Add(command, NpgsqlDbType.Bigint, counters, c => (long)c.IfIndex);
        Add(command, NpgsqlDbType.Bigint, counters, c => (long)c.IfType);
        Add(command, NpgsqlDbType.Numeric, counters, c => (decimal)c.IfSpeed);
        Add(command, NpgsqlDbType.Smallint, counters, c => (short)Math.Min(c.IfDirection, (uint)short.MaxValue));
        Add(command, NpgsqlDbType.Smallint, counters, c => (short)Math.Min(c.IfStatus, (uint)short.MaxValue));
        Add(command, NpgsqlDbType.Numeric, counters, c => (decimal)c.InOctets);
        Add(command, NpgsqlDbType.Bigint, counters, c => (long)c.InUcastPackets);
        Add(command, NpgsqlDbType.Bigint, counters, c => (long)c.InMulticastPackets);
        Add(command, NpgsqlDbType.Bigint, counters, c => (long)c.InBroadcastPackets);
        Add(command, NpgsqlDbType.Bigint, counters, c => (long)c.InDiscards);
        Add(command, NpgsqlDbType.Bigint, counters, c => (long)c.InErrors);
        Add(command, NpgsqlDbType.Bigint, counters, c => (long)c.InUnknownProtos);
        Add(command, NpgsqlDbType.Numeric, counters, c => (decimal)c.OutOctets);
        Add(command, NpgsqlDbType.Bigint, counters, c => (long)c.OutUcastPackets);
        Add(command, NpgsqlDbType.Bigint, counters, c => (long)c.OutMulticastPackets);
        Add(command, NpgsqlDbType.Bigint, counters, c => (long)c.OutBroadcastPackets);
        Add(command, NpgsqlDbType.Bigint, counters, c => (long)c.OutDiscards);
        Add(command, NpgsqlDbType.Bigint, counters, c => (long)c.OutErrors);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    private static void Add<T>(NpgsqlCommand command, NpgsqlDbType type, IReadOnlyList<InterfaceCounterRecord> counters, Func<InterfaceCounterRecord, T> value) =>
        command.Parameters.Add(new NpgsqlParameter { NpgsqlDbType = NpgsqlDbType.Array | type, Value = counters.Select(value).ToArray() });
}
