using System.Buffers.Binary;
using FlowViz.Core.Flows;

namespace FlowViz.Storage.Flows;

/// <summary>
/// Encodes flows straight into PostgreSQL's binary COPY format (PostgreSQL docs, "COPY", File Formats →
/// Binary Format), column by column in <see cref="FlowColumns"/> order. Npgsql's typed importer costs a
/// type-handler dispatch and an <see cref="System.Net.IPAddress"/> allocation per value; writing the wire
/// bytes ourselves is a span write per value, so the database, not the encoding, limits the rate.
/// Unsigned wire fields go into the next wider signed type (uint → int8, ushort → int4, byte → int2).
/// </summary>
internal static class FlowCopyEncoder
{
    /// <summary>"PGCOPY\n\377\r\n\0", flags (int32 0: no OIDs), header extension length (int32 0).</summary>
    public static ReadOnlySpan<byte> Header => [(byte)'P', (byte)'G', (byte)'C', (byte)'O', (byte)'P', (byte)'Y', (byte)'\n', 0xFF, (byte)'\r', (byte)'\n', 0, 0, 0, 0, 0, 0, 0, 0, 0];

    /// <summary>The file trailer: a 16-bit field count of -1.</summary>
    public static ReadOnlySpan<byte> Trailer => [0xFF, 0xFF];

    /// <summary>
    /// The most one row can take: a count, then per column a length and at most 20 bytes (an inet), except the
    /// application name, which may take <see cref="FlowRecord.MaxApplicationBytes"/>.
    /// </summary>
    public static readonly int MaxRowLength = 2 + FlowColumns.All.Count * (4 + 20) + FlowRecord.MaxApplicationBytes;

    private static readonly FlowField[] Fields = [.. FlowColumns.All.Select(column => column.Field)];

    // timestamptz is microseconds since 2000-01-01 00:00 UTC.
    private static readonly long PostgresEpochTicks = new DateTime(2000, 1, 1, 0, 0, 0, DateTimeKind.Utc).Ticks;

    /// <summary>Writes one row into <paramref name="destination"/> (at least <see cref="MaxRowLength"/> long); returns its length.</summary>
    public static int WriteRow(Span<byte> destination, in FlowRecord flow)
    {
        BinaryPrimitives.WriteInt16BigEndian(destination, (short)Fields.Length);
        var offset = 2;
        foreach (var field in Fields)
        {
            offset += WriteField(destination[offset..], field, flow);
        }
        return offset;
    }

    /// <summary>timestamptz needs UTC; decoders produce UTC, and an Unspecified kind is taken to be UTC too.</summary>
    public static DateTime AsUtc(DateTime time) => time.Kind == DateTimeKind.Local ? time.ToUniversalTime() : time;

    private static int WriteField(Span<byte> d, FlowField field, in FlowRecord flow) => field switch
    {
        FlowField.TimeReceived => Time(d, flow.TimeReceived),
        FlowField.TimeStart => Time(d, flow.TimeStart),
        FlowField.TimeEnd => Time(d, flow.TimeEnd),
        FlowField.Exporter => Address(d, flow.Exporter),
        FlowField.ObservationDomainId => Int8(d, flow.ObservationDomainId),
        FlowField.FlowProtocol => Int2(d, (byte)flow.FlowProtocol),
        FlowField.SrcAddr => Address(d, flow.SrcAddr),
        FlowField.DstAddr => Address(d, flow.DstAddr),
        FlowField.NextHop => Address(d, flow.NextHop),
        FlowField.SrcPort => Int4(d, flow.SrcPort),
        FlowField.DstPort => Int4(d, flow.DstPort),
        FlowField.Protocol => Int2(d, flow.Protocol),
        FlowField.TcpFlags => Int2(d, flow.TcpFlags),
        FlowField.Tos => Int2(d, flow.Tos),
        FlowField.InputInterface => Int8(d, flow.InputInterface),
        FlowField.OutputInterface => Int8(d, flow.OutputInterface),
        FlowField.Bytes => Int8(d, Clamp(flow.Bytes)),
        FlowField.Packets => Int8(d, Clamp(flow.Packets)),
        FlowField.SamplingRate => Int8(d, flow.SamplingRate),
        FlowField.SrcAs => Int8(d, flow.SrcAs),
        FlowField.DstAs => Int8(d, flow.DstAs),
        FlowField.SrcMask => Int2(d, flow.SrcMask),
        FlowField.DstMask => Int2(d, flow.DstMask),
        FlowField.SrcVlan => Int4(d, flow.SrcVlan),
        FlowField.DstVlan => Int4(d, flow.DstVlan),
        FlowField.Direction => Int2(d, (byte)flow.Direction),
        // MACs are 48 bits and MPLS labels 20 bits, so the signed columns hold them without loss.
        FlowField.SrcMac => Int8(d, (long)flow.SrcMac),
        FlowField.DstMac => Int8(d, (long)flow.DstMac),
        FlowField.MplsLabel => Int4(d, (int)flow.MplsLabel),
        FlowField.SrcCountry => Country(d, flow.SrcCountry),
        FlowField.DstCountry => Country(d, flow.DstCountry),
        FlowField.Application => Text(d, flow.Application),
        FlowField.TrafficDirection => Int2(d, (byte)flow.TrafficDirection),
        _ => throw new ArgumentOutOfRangeException(nameof(field), field, "FlowField without a COPY encoding."),
    };

    // Counters above 2^63 only come from corrupt records; clamping keeps them visible as huge instead of negative.
    private static long Clamp(ulong value) => value > long.MaxValue ? long.MaxValue : (long)value;

    /// <summary>The timestamptz value stored for <paramref name="time"/>: microseconds since 2000-01-01 00:00 UTC (sub-microsecond ticks dropped).</summary>
    public static long PostgresMicroseconds(DateTime time) => (AsUtc(time).Ticks - PostgresEpochTicks) / TimeSpan.TicksPerMicrosecond;

    private static int Time(Span<byte> d, DateTime value)
    {
        BinaryPrimitives.WriteInt32BigEndian(d, 8);
        BinaryPrimitives.WriteInt64BigEndian(d[4..], PostgresMicroseconds(value));
        return 12;
    }

    /// <summary>
    /// inet's binary form (network_send in PostgreSQL's network.c): family (2 = PGSQL_AF_INET, 3 =
    /// PGSQL_AF_INET6), prefix bits, is_cidr (0), address length, address. IPv4-mapped addresses are
    /// stored as IPv4, as an exporter sent them. "No address" is NULL (length -1).
    /// </summary>
    private static int Address(Span<byte> d, FlowAddress value)
    {
        if (value.IsNone)
        {
            BinaryPrimitives.WriteInt32BigEndian(d, -1);
            return 4;
        }
        if (value.IsIPv4)
        {
            BinaryPrimitives.WriteInt32BigEndian(d, 8);
            d[4] = 2;
            d[5] = 32;
            d[6] = 0;
            d[7] = 4;
            BinaryPrimitives.WriteUInt32BigEndian(d[8..], value.IPv4Value);
            return 12;
        }
        BinaryPrimitives.WriteInt32BigEndian(d, 20);
        d[4] = 3;
        d[5] = 128;
        d[6] = 0;
        d[7] = 16;
        value.WriteIPv6(d[8..]);
        return 24;
    }

    /// <summary>text's binary form is its UTF-8 bytes; no country is NULL.</summary>
    private static int Country(Span<byte> d, ushort packed)
    {
        if (packed == 0)
        {
            BinaryPrimitives.WriteInt32BigEndian(d, -1);
            return 4;
        }
        BinaryPrimitives.WriteInt32BigEndian(d, 2);
        CountryCodes.WriteAscii(packed, d[4..]);
        return 6;
    }

    /// <summary>
    /// A name longer than <see cref="FlowRecord.MaxApplicationBytes"/> cannot come from the rules (they refuse
    /// one); if it did, the encoder throws rather than write past the row's reserved space.
    /// </summary>
    private static int Text(Span<byte> d, string? value)
    {
        if (value is null)
        {
            BinaryPrimitives.WriteInt32BigEndian(d, -1);
            return 4;
        }
        var length = System.Text.Encoding.UTF8.GetBytes(value, d.Slice(4, Math.Min(d.Length - 4, FlowRecord.MaxApplicationBytes)));
        BinaryPrimitives.WriteInt32BigEndian(d, length);
        return 4 + length;
    }

    private static int Int8(Span<byte> d, long value)
    {
        BinaryPrimitives.WriteInt32BigEndian(d, 8);
        BinaryPrimitives.WriteInt64BigEndian(d[4..], value);
        return 12;
    }

    private static int Int4(Span<byte> d, int value)
    {
        BinaryPrimitives.WriteInt32BigEndian(d, 4);
        BinaryPrimitives.WriteInt32BigEndian(d[4..], value);
        return 8;
    }

    private static int Int2(Span<byte> d, short value)
    {
        BinaryPrimitives.WriteInt32BigEndian(d, 2);
        BinaryPrimitives.WriteInt16BigEndian(d[4..], value);
        return 6;
    }
}
