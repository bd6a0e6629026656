using System.Buffers.Binary;

namespace FlowViz.Protocols.Tests.NetFlow9;

/// <summary>Builds small NetFlow v9 packets by hand (RFC 3954 §5) for cases the captured fixtures do not cover.</summary>
internal sealed class V9PacketBuilder(uint sysUptimeMs = 60_000, uint unixSecs = 1_700_000_000, uint sourceId = 7)
{
    private readonly List<byte> _bytes = [];

    public V9PacketBuilder Template(ushort templateId, params (ushort Type, ushort Length)[] fields)
    {
        var set = new List<byte>();
        Add16(set, templateId);
        Add16(set, (ushort)fields.Length);
        foreach (var (type, length) in fields)
        {
            Add16(set, type);
            Add16(set, length);
        }
        return FlowSet(0, set.ToArray());
    }

    public V9PacketBuilder Data(ushort templateId, params byte[][] records) =>
        FlowSet(templateId, records.SelectMany(r => r).ToArray());

    /// <summary>Any FlowSet: ID, then the content; the length is the header plus content (no padding added).</summary>
    public V9PacketBuilder FlowSet(ushort flowSetId, byte[] content, int? declaredLength = null)
    {
        Add16(_bytes, flowSetId);
        Add16(_bytes, (ushort)(declaredLength ?? content.Length + 4));
        _bytes.AddRange(content);
        return this;
    }

    public byte[] Build()
    {
        var header = new byte[20];
        BinaryPrimitives.WriteUInt16BigEndian(header, 9);
        BinaryPrimitives.WriteUInt16BigEndian(header.AsSpan(2), 1);
        BinaryPrimitives.WriteUInt32BigEndian(header.AsSpan(4), sysUptimeMs);
        BinaryPrimitives.WriteUInt32BigEndian(header.AsSpan(8), unixSecs);
        BinaryPrimitives.WriteUInt32BigEndian(header.AsSpan(12), 1);
        BinaryPrimitives.WriteUInt32BigEndian(header.AsSpan(16), sourceId);
        return [.. header, .. _bytes];
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

    private static void Add16(List<byte> list, ushort value)
    {
        list.Add((byte)(value >> 8));
        list.Add((byte)value);
    }
}
