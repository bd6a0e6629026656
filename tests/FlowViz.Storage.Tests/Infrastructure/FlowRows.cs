using System.Net;
using FlowViz.Core.Flows;
using Npgsql;

namespace FlowViz.Storage.Tests.Infrastructure;

/// <summary>Reads the flows table back into records, independently of the writer's code.</summary>
public static class FlowRows
{
    public static async Task<List<FlowRecord>> ReadAllAsync(NpgsqlDataSource dataSource, CancellationToken cancellationToken)
    {
        var columns = string.Join(", ", FlowColumns.All.Select(column => column.Name));
        await using var command = dataSource.CreateCommand($"SELECT {columns} FROM flows ORDER BY time_received, bytes");
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var flows = new List<FlowRecord>();
        while (await reader.ReadAsync(cancellationToken))
        {
            flows.Add(Read(reader));
        }
        return flows;
    }

    private static FlowRecord Read(NpgsqlDataReader row)
    {
        var i = 0;
        return new FlowRecord
        {
            TimeReceived = row.GetDateTime(i++),
            TimeStart = row.GetDateTime(i++),
            TimeEnd = row.GetDateTime(i++),
            Exporter = Address(row, i++),
            ObservationDomainId = checked((uint)row.GetInt64(i++)),
            FlowProtocol = (FlowProtocol)row.GetInt16(i++),
            SrcAddr = Address(row, i++),
            DstAddr = Address(row, i++),
            NextHop = Address(row, i++),
            SrcPort = checked((ushort)row.GetInt32(i++)),
            DstPort = checked((ushort)row.GetInt32(i++)),
            Protocol = checked((byte)row.GetInt16(i++)),
            TcpFlags = checked((byte)row.GetInt16(i++)),
            Tos = checked((byte)row.GetInt16(i++)),
            InputInterface = checked((uint)row.GetInt64(i++)),
            OutputInterface = checked((uint)row.GetInt64(i++)),
            Bytes = checked((ulong)row.GetInt64(i++)),
            Packets = checked((ulong)row.GetInt64(i++)),
            SamplingRate = checked((uint)row.GetInt64(i++)),
            SrcAs = checked((uint)row.GetInt64(i++)),
            DstAs = checked((uint)row.GetInt64(i++)),
            SrcMask = checked((byte)row.GetInt16(i++)),
            DstMask = checked((byte)row.GetInt16(i++)),
            SrcVlan = checked((ushort)row.GetInt32(i++)),
            DstVlan = checked((ushort)row.GetInt32(i++)),
            Direction = (FlowDirection)row.GetInt16(i++),
            SrcMac = checked((ulong)row.GetInt64(i++)),
            DstMac = checked((ulong)row.GetInt64(i++)),
            MplsLabel = checked((uint)row.GetInt32(i++)),
            SrcCountry = CountryCodes.Pack(Text(row, i++)),
            DstCountry = CountryCodes.Pack(Text(row, i++)),
            Application = Text(row, i++),
            TrafficDirection = (TrafficDirection)row.GetInt16(i++),
        };
    }

    private static string? Text(NpgsqlDataReader row, int ordinal) => row.IsDBNull(ordinal) ? null : row.GetString(ordinal);

    private static FlowAddress Address(NpgsqlDataReader row, int ordinal) =>
        row.IsDBNull(ordinal) ? FlowAddress.None : FlowAddress.FromIPAddress(row.GetFieldValue<IPAddress>(ordinal));
}
