using System.Buffers.Binary;

namespace FlowViz.Protocols.Tests.Ipfix;

/// <summary>
/// Builds IPFIX Messages by hand (RFC 7011 §3) for what no Debian exporter sends: biflows, enterprise
/// and variable-length IEs, withdrawals, every time encoding, sampling options.
/// </summary>
internal sealed class IpfixMessageBuilder(uint exportTime = 1_700_000_000, uint observationDomainId = 5)
{
    private readonly List<byte> _sets = [];

    /// <summary>A field specifier (§3.2): IE number, length, and an enterprise number when not 0 (bit 15 set).</summary>
    public readonly record struct Field(ushort Ie, ushort Length, uint Enterprise = 0);

    /// <summary>§3.4.1 Template Record in a Template Set (Set ID 2).</summary>
    public IpfixMessageBuilder Template(ushort templateId, params Field[] fields)
    {
        var record = new List<byte>();
        Add16(record, templateId);
        Add16(record, (ushort)fields.Length);
        AddSpecifiers(record, fields);
        return Set(2, [.. record]);
    }

    /// <summary>§3.4.2.2 Options Template Record (Set ID 3): the first <paramref name="scopeCount"/> fields are scope.</summary>
    public IpfixMessageBuilder OptionsTemplate(ushort templateId, ushort scopeCount, params Field[] fields)
    {
        var record = new List<byte>();
        Add16(record, templateId);
        Add16(record, (ushort)fields.Length);
        Add16(record, scopeCount);
        AddSpecifiers(record, fields);
        return Set(3, [.. record]);
    }

    /// <summary>§8.1 Template Withdrawal: the template ID with Field Count 0 (the Set ID itself withdraws all).</summary>
    public IpfixMessageBuilder Withdrawal(ushort setId, ushort templateId) => Set(setId, [.. Be(templateId, 2), 0, 0]);

    public IpfixMessageBuilder Data(ushort templateId, params byte[][] records) => Set(templateId, [.. records.SelectMany(r => r)]);

    /// <summary>Any Set (§3.3.2): ID, length (header included, unless declared otherwise), content.</summary>
    public IpfixMessageBuilder Set(ushort setId, byte[] content, int? declaredLength = null)
    {
        Add16(_sets, setId);
        Add16(_sets, (ushort)(declaredLength ?? content.Length + 4));
        _sets.AddRange(content);
        return this;
    }

    /// <summary>The message: §3.1 header (version 10, length, export time, sequence number, domain) and the Sets.</summary>
    public byte[] Build()
    {
        var header = new byte[16];
        BinaryPrimitives.WriteUInt16BigEndian(header, 10);
        BinaryPrimitives.WriteUInt16BigEndian(header.AsSpan(2), (ushort)(16 + _sets.Count));
        BinaryPrimitives.WriteUInt32BigEndian(header.AsSpan(4), exportTime);
        BinaryPrimitives.WriteUInt32BigEndian(header.AsSpan(8), 1);
        BinaryPrimitives.WriteUInt32BigEndian(header.AsSpan(12), observationDomainId);
        return [.. header, .. _sets];
    }

    /// <summary>Big-endian bytes of <paramref name="value"/> in <paramref name="length"/> bytes.</summary>
    public static byte[] Be(ulong value, int length)
    {
        var bytes = new byte[length];
        for (var i = length - 1; i >= 0; i--)
        {
            bytes[i] = (byte)value;
            value >>= 8;
        }
        return bytes;
    }

    /// <summary>§7 variable-length encoding: 1 length byte below 255, else 255 and a 2-byte length.</summary>
    public static byte[] Variable(byte[] value) =>
        value.Length < 255 ? [(byte)value.Length, .. value] : [255, .. Be((ulong)value.Length, 2), .. value];

    public static byte[] Ip(string address) => System.Net.IPAddress.Parse(address).GetAddressBytes();

    private static void AddSpecifiers(List<byte> record, Field[] fields)
    {
        foreach (var field in fields)
        {
            Add16(record, (ushort)(field.Ie | (field.Enterprise != 0 ? 0x8000 : 0)));
            Add16(record, field.Length);
            if (field.Enterprise != 0)
            {
                record.AddRange(Be(field.Enterprise, 4));
            }
        }
    }

    private static void Add16(List<byte> list, ushort value)
    {
        list.Add((byte)(value >> 8));
        list.Add((byte)value);
    }
}
