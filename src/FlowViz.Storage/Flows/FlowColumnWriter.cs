using FlowViz.Core.Flows;
using Npgsql;
using NpgsqlTypes;

namespace FlowViz.Storage.Flows;

/// <summary>
/// Writes one <see cref="FlowRecord"/> field as its <see cref="FlowColumns"/> SQL type. PostgreSQL has no unsigned
/// types, so each unsigned field goes into the next wider signed type (uint → bigint, ushort → integer,
/// byte → smallint); explicit NpgsqlDbTypes keep Npgsql from inferring a type per value.
/// </summary>
internal static class FlowColumnWriter
{
    public static void Write(NpgsqlBinaryImporter importer, FlowField field, in FlowRecord flow)
    {
        switch (field)
        {
            case FlowField.TimeReceived: Time(importer, flow.TimeReceived); break;
            case FlowField.TimeStart: Time(importer, flow.TimeStart); break;
            case FlowField.TimeEnd: Time(importer, flow.TimeEnd); break;
            case FlowField.Exporter: Address(importer, flow.Exporter); break;
            case FlowField.ObservationDomainId: BigInt(importer, flow.ObservationDomainId); break;
            case FlowField.FlowProtocol: SmallInt(importer, (byte)flow.FlowProtocol); break;
            case FlowField.SrcAddr: Address(importer, flow.SrcAddr); break;
            case FlowField.DstAddr: Address(importer, flow.DstAddr); break;
            case FlowField.NextHop: Address(importer, flow.NextHop); break;
            case FlowField.SrcPort: Integer(importer, flow.SrcPort); break;
            case FlowField.DstPort: Integer(importer, flow.DstPort); break;
            case FlowField.Protocol: SmallInt(importer, flow.Protocol); break;
            case FlowField.TcpFlags: SmallInt(importer, flow.TcpFlags); break;
            case FlowField.Tos: SmallInt(importer, flow.Tos); break;
            case FlowField.InputInterface: BigInt(importer, flow.InputInterface); break;
            case FlowField.OutputInterface: BigInt(importer, flow.OutputInterface); break;
            case FlowField.Bytes: BigInt(importer, Clamp(flow.Bytes)); break;
            case FlowField.Packets: BigInt(importer, Clamp(flow.Packets)); break;
            case FlowField.SamplingRate: BigInt(importer, flow.SamplingRate); break;
            case FlowField.SrcAs: BigInt(importer, flow.SrcAs); break;
            case FlowField.DstAs: BigInt(importer, flow.DstAs); break;
            case FlowField.SrcMask: SmallInt(importer, flow.SrcMask); break;
            case FlowField.DstMask: SmallInt(importer, flow.DstMask); break;
            case FlowField.SrcVlan: Integer(importer, flow.SrcVlan); break;
            case FlowField.DstVlan: Integer(importer, flow.DstVlan); break;
            case FlowField.Direction: SmallInt(importer, (byte)flow.Direction); break;
            // MACs are 48 bits and MPLS labels 20 bits, so the signed columns hold them without loss.
            case FlowField.SrcMac: BigInt(importer, (long)flow.SrcMac); break;
            case FlowField.DstMac: BigInt(importer, (long)flow.DstMac); break;
            case FlowField.MplsLabel: Integer(importer, (int)flow.MplsLabel); break;
            default: throw new ArgumentOutOfRangeException(nameof(field), field, "FlowField without a column writer.");
        }
    }

    /// <summary>timestamptz needs UTC; decoders produce UTC, and an Unspecified kind is taken to be UTC too.</summary>
    public static DateTime AsUtc(DateTime time) => time.Kind switch
    {
        DateTimeKind.Utc => time,
        DateTimeKind.Local => time.ToUniversalTime(),
        _ => DateTime.SpecifyKind(time, DateTimeKind.Utc),
    };

    // Counters above 2^63 only come from corrupt records; clamping keeps them visible as huge instead of negative.
    private static long Clamp(ulong value) => value > long.MaxValue ? long.MaxValue : (long)value;

    private static void Time(NpgsqlBinaryImporter importer, DateTime value) =>
        importer.Write(AsUtc(value), NpgsqlDbType.TimestampTz);

    private static void Address(NpgsqlBinaryImporter importer, FlowAddress value)
    {
        if (value.IsNone)
        {
            importer.WriteNull();
        }
        else
        {
            importer.Write(value.ToIPAddress(), NpgsqlDbType.Inet);
        }
    }

    private static void BigInt(NpgsqlBinaryImporter importer, long value) => importer.Write(value, NpgsqlDbType.Bigint);

    private static void Integer(NpgsqlBinaryImporter importer, int value) => importer.Write(value, NpgsqlDbType.Integer);

    private static void SmallInt(NpgsqlBinaryImporter importer, short value) => importer.Write(value, NpgsqlDbType.Smallint);
}
