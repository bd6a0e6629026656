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
    public static ValueTask WriteAsync(NpgsqlBinaryImporter importer, FlowField field, in FlowRecord flow, CancellationToken cancellationToken) =>
        field switch
        {
            FlowField.TimeReceived => Time(importer, flow.TimeReceived, cancellationToken),
            FlowField.TimeStart => Time(importer, flow.TimeStart, cancellationToken),
            FlowField.TimeEnd => Time(importer, flow.TimeEnd, cancellationToken),
            FlowField.Exporter => Address(importer, flow.Exporter, cancellationToken),
            FlowField.ObservationDomainId => BigInt(importer, flow.ObservationDomainId, cancellationToken),
            FlowField.FlowProtocol => SmallInt(importer, (byte)flow.FlowProtocol, cancellationToken),
            FlowField.SrcAddr => Address(importer, flow.SrcAddr, cancellationToken),
            FlowField.DstAddr => Address(importer, flow.DstAddr, cancellationToken),
            FlowField.NextHop => Address(importer, flow.NextHop, cancellationToken),
            FlowField.SrcPort => Integer(importer, flow.SrcPort, cancellationToken),
            FlowField.DstPort => Integer(importer, flow.DstPort, cancellationToken),
            FlowField.Protocol => SmallInt(importer, flow.Protocol, cancellationToken),
            FlowField.TcpFlags => SmallInt(importer, flow.TcpFlags, cancellationToken),
            FlowField.Tos => SmallInt(importer, flow.Tos, cancellationToken),
            FlowField.InputInterface => BigInt(importer, flow.InputInterface, cancellationToken),
            FlowField.OutputInterface => BigInt(importer, flow.OutputInterface, cancellationToken),
            FlowField.Bytes => BigInt(importer, Clamp(flow.Bytes), cancellationToken),
            FlowField.Packets => BigInt(importer, Clamp(flow.Packets), cancellationToken),
            FlowField.SamplingRate => BigInt(importer, flow.SamplingRate, cancellationToken),
            FlowField.SrcAs => BigInt(importer, flow.SrcAs, cancellationToken),
            FlowField.DstAs => BigInt(importer, flow.DstAs, cancellationToken),
            FlowField.SrcMask => SmallInt(importer, flow.SrcMask, cancellationToken),
            FlowField.DstMask => SmallInt(importer, flow.DstMask, cancellationToken),
            FlowField.SrcVlan => Integer(importer, flow.SrcVlan, cancellationToken),
            FlowField.DstVlan => Integer(importer, flow.DstVlan, cancellationToken),
            FlowField.Direction => SmallInt(importer, (byte)flow.Direction, cancellationToken),
            // MACs are 48 bits and MPLS labels 20 bits, so the signed columns hold them without loss.
            FlowField.SrcMac => BigInt(importer, (long)flow.SrcMac, cancellationToken),
            FlowField.DstMac => BigInt(importer, (long)flow.DstMac, cancellationToken),
            FlowField.MplsLabel => Integer(importer, (int)flow.MplsLabel, cancellationToken),
            _ => throw new ArgumentOutOfRangeException(nameof(field), field, "FlowField without a column writer."),
        };

    /// <summary>timestamptz needs UTC; decoders produce UTC, and an Unspecified kind is taken to be UTC too.</summary>
    public static DateTime AsUtc(DateTime time) => time.Kind switch
    {
        DateTimeKind.Utc => time,
        DateTimeKind.Local => time.ToUniversalTime(),
        _ => DateTime.SpecifyKind(time, DateTimeKind.Utc),
    };

    // Counters above 2^63 only come from corrupt records; clamping keeps them visible as huge instead of negative.
    private static long Clamp(ulong value) => value > long.MaxValue ? long.MaxValue : (long)value;

    private static ValueTask Time(NpgsqlBinaryImporter importer, DateTime value, CancellationToken cancellationToken) =>
        new(importer.WriteAsync(AsUtc(value), NpgsqlDbType.TimestampTz, cancellationToken));

    private static ValueTask Address(NpgsqlBinaryImporter importer, FlowAddress value, CancellationToken cancellationToken) =>
        value.IsNone
            ? new(importer.WriteNullAsync(cancellationToken))
            : new(importer.WriteAsync(value.ToIPAddress(), NpgsqlDbType.Inet, cancellationToken));

    private static ValueTask BigInt(NpgsqlBinaryImporter importer, long value, CancellationToken cancellationToken) =>
        new(importer.WriteAsync(value, NpgsqlDbType.Bigint, cancellationToken));

    private static ValueTask Integer(NpgsqlBinaryImporter importer, int value, CancellationToken cancellationToken) =>
        new(importer.WriteAsync(value, NpgsqlDbType.Integer, cancellationToken));

    private static ValueTask SmallInt(NpgsqlBinaryImporter importer, short value, CancellationToken cancellationToken) =>
        new(importer.WriteAsync(value, NpgsqlDbType.Smallint, cancellationToken));
}
