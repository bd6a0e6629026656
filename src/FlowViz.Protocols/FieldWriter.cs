using System.Buffers.Binary;
using FlowViz.Core.Flows;

namespace FlowViz.Protocols;

/// <summary>
/// What the NetFlow v9 and IPFIX encoders write alike: a template record is (template ID, field count,
/// then type/length pairs) in both (RFC 3954 §5.2, RFC 7011 §3.4.1, enterprise bit clear), and field
/// values are big-endian integers of the declared length (RFC 7011 §6.2 reduced-size encoding).
/// </summary>
internal static class FieldWriter
{
    /// <summary>Writes one template record; returns its length.</summary>
    public static int WriteTemplate(Span<byte> destination, ushort templateId, (ushort Type, ushort Length)[] fields)
    {
        BinaryPrimitives.WriteUInt16BigEndian(destination, templateId);
        BinaryPrimitives.WriteUInt16BigEndian(destination[2..], (ushort)fields.Length);
        for (var i = 0; i < fields.Length; i++)
        {
            BinaryPrimitives.WriteUInt16BigEndian(destination[(4 + i * 4)..], fields[i].Type);
            BinaryPrimitives.WriteUInt16BigEndian(destination[(6 + i * 4)..], fields[i].Length);
        }
        return 4 + fields.Length * 4;
    }

    /// <summary>An IPv4 field (4 bytes; 0 for an IPv6 address) or an IPv6 field (16 bytes).</summary>
    public static void WriteAddress(Span<byte> destination, FlowAddress address)
    {
        if (destination.Length == 4)
        {
            BinaryPrimitives.WriteUInt32BigEndian(destination, address.IsIPv4 ? address.IPv4Value : 0);
        }
        else
        {
            address.WriteIPv6(destination);
        }
    }

    /// <summary>Writes the low <c>destination.Length</c> bytes of <paramref name="value"/>, big-endian.</summary>
    public static void WriteUnsigned(Span<byte> destination, ulong value)
    {
        for (var i = destination.Length - 1; i >= 0; i--)
        {
            destination[i] = (byte)value;
            value >>= 8;
        }
    }
}
