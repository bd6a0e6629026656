using System.Net;
using FlowViz.Core.Flows;
using Npgsql;

namespace FlowViz.Storage.Queries;

/// <summary>
/// Reads a flows row selected as <see cref="ColumnList"/> back into a <see cref="FlowRecord"/>: the inverse of
/// the COPY writer's widening (bigint → uint, integer → ushort, smallint → byte; NULL address → none).
/// </summary>
internal static class FlowRecordReader
{
    /// <summary>Every flows column in <see cref="FlowColumns"/> order, as a select list.</summary>
    public static string ColumnList { get; } = string.Join(", ", FlowColumns.All.Select(column => column.Name));

    private static readonly FlowField[] Fields = [.. FlowColumns.All.Select(column => column.Field)];

    public static FlowRecord Read(NpgsqlDataReader row)
    {
        var flow = new FlowRecord();
        for (var i = 0; i < Fields.Length; i++)
        {
            Set(ref flow, Fields[i], row, i);
        }
        return flow;
    }

    private static void Set(ref FlowRecord flow, FlowField field, NpgsqlDataReader row, int i)
    {
        switch (field)
        {
            case FlowField.TimeReceived: flow.TimeReceived = row.GetDateTime(i); break;
            case FlowField.TimeStart: flow.TimeStart = row.GetDateTime(i); break;
            case FlowField.TimeEnd: flow.TimeEnd = row.GetDateTime(i); break;
            case FlowField.Exporter: flow.Exporter = Address(row, i); break;
            case FlowField.ObservationDomainId: flow.ObservationDomainId = (uint)row.GetInt64(i); break;
            case FlowField.FlowProtocol: flow.FlowProtocol = (FlowProtocol)row.GetInt16(i); break;
            case FlowField.SrcAddr: flow.SrcAddr = Address(row, i); break;
            case FlowField.DstAddr: flow.DstAddr = Address(row, i); break;
            case FlowField.NextHop: flow.NextHop = Address(row, i); break;
            case FlowField.SrcPort: flow.SrcPort = (ushort)row.GetInt32(i); break;
            case FlowField.DstPort: flow.DstPort = (ushort)row.GetInt32(i); break;
            case FlowField.Protocol: flow.Protocol = (byte)row.GetInt16(i); break;
            case FlowField.TcpFlags: flow.TcpFlags = (byte)row.GetInt16(i); break;
            case FlowField.Tos: flow.Tos = (byte)row.GetInt16(i); break;
            case FlowField.InputInterface: flow.InputInterface = (uint)row.GetInt64(i); break;
            case FlowField.OutputInterface: flow.OutputInterface = (uint)row.GetInt64(i); break;
            case FlowField.Bytes: flow.Bytes = (ulong)row.GetInt64(i); break;
            case FlowField.Packets: flow.Packets = (ulong)row.GetInt64(i); break;
            case FlowField.SamplingRate: flow.SamplingRate = (uint)row.GetInt64(i); break;
            case FlowField.SrcAs: flow.SrcAs = (uint)row.GetInt64(i); break;
            case FlowField.DstAs: flow.DstAs = (uint)row.GetInt64(i); break;
            case FlowField.SrcMask: flow.SrcMask = (byte)row.GetInt16(i); break;
            case FlowField.DstMask: flow.DstMask = (byte)row.GetInt16(i); break;
            case FlowField.SrcVlan: flow.SrcVlan = (ushort)row.GetInt32(i); break;
            case FlowField.DstVlan: flow.DstVlan = (ushort)row.GetInt32(i); break;
            case FlowField.Direction: flow.Direction = (FlowDirection)row.GetInt16(i); break;
            case FlowField.SrcMac: flow.SrcMac = (ulong)row.GetInt64(i); break;
            case FlowField.DstMac: flow.DstMac = (ulong)row.GetInt64(i); break;
            case FlowField.MplsLabel: flow.MplsLabel = (uint)row.GetInt32(i); break;
            case FlowField.SrcCountry: flow.SrcCountry = row.IsDBNull(i) ? (ushort)0 : CountryCodes.Pack(row.GetString(i)); break;
            case FlowField.DstCountry: flow.DstCountry = row.IsDBNull(i) ? (ushort)0 : CountryCodes.Pack(row.GetString(i)); break;
            case FlowField.Application: flow.Application = row.IsDBNull(i) ? null : row.GetString(i); break;
            case FlowField.TrafficDirection: flow.TrafficDirection = (TrafficDirection)row.GetInt16(i); break;
            default: throw new ArgumentOutOfRangeException(nameof(field), field, "A flows column the reader does not know.");
        }
    }

    private static FlowAddress Address(NpgsqlDataReader row, int i) =>
        row.IsDBNull(i) ? FlowAddress.None : FlowAddress.FromIPAddress(row.GetFieldValue<IPAddress>(i));
}
