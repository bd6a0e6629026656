using FlowViz.Core.Flows;
using FlowViz.Storage.Rollups;
using Npgsql;

namespace FlowViz.Storage.Tests.Infrastructure;

/// <summary>
/// Writes records with plain INSERT statements in <see cref="FlowColumns"/> order. The product writes with binary
/// COPY, but PGlite (the TimescaleDB test server) drops the connection on COPY FROM STDIN; inserting the same
/// rows the same way on both servers also keeps a comparison of their answers about the queries alone. As the product's
/// writer does, the flows' 1-minute rollup rows are added in the same transaction (<see cref="MinuteRollups"/>), here a
/// few flows at a time: PGlite's socket server also drops the connection on a message larger than one network read
/// (about 8 kB of array parameters).
/// </summary>
public static class FlowInserts
{
    // minuteRollups false: the raw rows alone, as a database before 0011 had them (no writer-side rollups).
    public static async Task InsertAsync(
        NpgsqlDataSource dataSource, IEnumerable<FlowRecord> flows, CancellationToken cancellationToken, bool minuteRollups = true)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        foreach (var chunk in flows.Chunk(8))
        {
            await InsertChunkAsync(connection, chunk, minuteRollups, cancellationToken);
        }
        await transaction.CommitAsync(cancellationToken);
    }

    private static async Task InsertChunkAsync(NpgsqlConnection connection, FlowRecord[] flows, bool minuteRollups, CancellationToken cancellationToken)
    {
        var columns = string.Join(", ", FlowColumns.All.Select(column => column.Name));
        var values = string.Join(", ", FlowColumns.All.Select((column, i) => $"${i + 1}::{column.SqlType}"));
        var rollups = MinuteRollups.Of(flows);
        foreach (var flow in flows)
        {
            await using var command = new NpgsqlCommand($"INSERT INTO flows ({columns}) VALUES ({values})", connection);
            foreach (var column in FlowColumns.All)
            {
                command.Parameters.Add(new() { Value = ValueOf(column.Field, flow) });
            }
            await command.ExecuteNonQueryAsync(cancellationToken);
        }
        if (minuteRollups)
        {
            await rollups.WriteAsync(connection, cancellationToken);
        }
    }

    // The same widening as the product's FlowColumnWriter: unsigned fields go into the next wider signed type.
    private static object ValueOf(FlowField field, FlowRecord flow) => field switch
    {
        FlowField.TimeReceived => Utc(flow.TimeReceived),
        FlowField.TimeStart => Utc(flow.TimeStart),
        FlowField.TimeEnd => Utc(flow.TimeEnd),
        FlowField.Exporter => Address(flow.Exporter),
        FlowField.ObservationDomainId => (long)flow.ObservationDomainId,
        FlowField.FlowProtocol => (short)flow.FlowProtocol,
        FlowField.SrcAddr => Address(flow.SrcAddr),
        FlowField.DstAddr => Address(flow.DstAddr),
        FlowField.NextHop => Address(flow.NextHop),
        FlowField.SrcPort => (int)flow.SrcPort,
        FlowField.DstPort => (int)flow.DstPort,
        FlowField.Protocol => (short)flow.Protocol,
        FlowField.TcpFlags => (short)flow.TcpFlags,
        FlowField.Tos => (short)flow.Tos,
        FlowField.InputInterface => (long)flow.InputInterface,
        FlowField.OutputInterface => (long)flow.OutputInterface,
        FlowField.Bytes => checked((long)flow.Bytes),
        FlowField.Packets => checked((long)flow.Packets),
        FlowField.SamplingRate => (long)flow.SamplingRate,
        FlowField.SrcAs => (long)flow.SrcAs,
        FlowField.DstAs => (long)flow.DstAs,
        FlowField.SrcMask => (short)flow.SrcMask,
        FlowField.DstMask => (short)flow.DstMask,
        FlowField.SrcVlan => (int)flow.SrcVlan,
        FlowField.DstVlan => (int)flow.DstVlan,
        FlowField.Direction => (short)flow.Direction,
        FlowField.SrcMac => (long)flow.SrcMac,
        FlowField.DstMac => (long)flow.DstMac,
        FlowField.MplsLabel => (int)flow.MplsLabel,
        FlowField.SrcCountry => (object?)CountryCodes.Format(flow.SrcCountry) ?? DBNull.Value,
        FlowField.DstCountry => (object?)CountryCodes.Format(flow.DstCountry) ?? DBNull.Value,
        FlowField.Application => (object?)flow.Application ?? DBNull.Value,
        FlowField.TrafficDirection => (short)flow.TrafficDirection,
        _ => throw new ArgumentOutOfRangeException(nameof(field), field, "FlowField without a test value."),
    };

    private static DateTime Utc(DateTime time) => DateTime.SpecifyKind(time, DateTimeKind.Utc);

    private static object Address(FlowAddress address) => address.IsNone ? DBNull.Value : address.ToIPAddress();
}
