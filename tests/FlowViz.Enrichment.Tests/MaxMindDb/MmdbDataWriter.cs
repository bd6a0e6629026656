using System.Buffers.Binary;
using System.Numerics;
using System.Text;

namespace FlowViz.Enrichment.Tests.MaxMindDb;

/// <summary>
/// Encodes values in the MaxMind DB data-section format ("MaxMind DB File Format Specification" 2.0, "Output Data
/// Section"): a control byte with the type in its top three bits (0 = extended: the type minus 7 follows in the
/// next byte) and the size in its low five (29, 30, 31 = the size continues in 1, 2, 3 more bytes, biased by 29,
/// 285, 65821), then the payload. Integers are big-endian with leading zero bytes left out.
/// </summary>
internal sealed class MmdbDataWriter
{
    private const int Utf8String = 2, Double = 3, UInt16 = 5, UInt32 = 6, Map = 7;
    private const int Int32 = 8, UInt64 = 9, Array = 11, Boolean = 14;

    private readonly MemoryStream _output = new();

    public long Length => _output.Length;

    public byte[] ToArray() => _output.ToArray();

    /// <summary>Writes a value (string, ushort, uint, int, ulong, double, bool, map or list) and returns its offset.</summary>
    public long Write(object value)
    {
        var offset = _output.Length;
        WriteValue(value);
        return offset;
    }

    private void WriteValue(object value)
    {
        switch (value)
        {
            case string text:
                var bytes = Encoding.UTF8.GetBytes(text);
                WriteControl(Utf8String, bytes.Length);
                _output.Write(bytes);
                break;
            case ushort number:
                WriteUnsigned(UInt16, number);
                break;
            case uint number:
                WriteUnsigned(UInt32, number);
                break;
            case ulong number:
                WriteUnsigned(UInt64, number);
                break;
            case int number:
                WriteControl(Int32, 4);
                Span<byte> int32 = stackalloc byte[4];
                BinaryPrimitives.WriteInt32BigEndian(int32, number);
                _output.Write(int32);
                break;
            case double number:
                WriteControl(Double, 8);
                Span<byte> float64 = stackalloc byte[8];
                BinaryPrimitives.WriteDoubleBigEndian(float64, number);
                _output.Write(float64);
                break;
            case bool flag:
                WriteControl(Boolean, flag ? 1 : 0); // the value is the size; no payload
                break;
            case IReadOnlyDictionary<string, object> map:
                WriteControl(Map, map.Count);
                foreach (var (key, item) in map)
                {
                    WriteValue(key);
                    WriteValue(item);
                }
                break;
            case IEnumerable<object> items:
                var list = items.ToList();
                WriteControl(Array, list.Count);
                list.ForEach(WriteValue);
                break;
            default:
                throw new ArgumentException($"No MaxMind DB type for {value.GetType()}", nameof(value));
        }
    }

    private void WriteUnsigned(int type, ulong number)
    {
        Span<byte> bytes = stackalloc byte[8];
        BinaryPrimitives.WriteUInt64BigEndian(bytes, number);
        var significant = bytes[(BitOperations.LeadingZeroCount(number) / 8)..];
        WriteControl(type, significant.Length);
        _output.Write(significant);
    }

    private void WriteControl(int type, int size)
    {
        var extended = type > 7;
        var head = (byte)((extended ? 0 : type) << 5);
        Span<byte> extra = stackalloc byte[3];
        var extraLength = 0;
        switch (size)
        {
            case < 29:
                head |= (byte)size;
                break;
            case < 285:
                head |= 29;
                extra[0] = (byte)(size - 29);
                extraLength = 1;
                break;
            case < 65_821:
                head |= 30;
                BinaryPrimitives.WriteUInt16BigEndian(extra, (ushort)(size - 285));
                extraLength = 2;
                break;
            default:
                head |= 31;
                var biased = size - 65_821;
                extra[0] = (byte)(biased >> 16);
                extra[1] = (byte)(biased >> 8);
                extra[2] = (byte)biased;
                extraLength = 3;
                break;
        }
        _output.WriteByte(head);
        if (extended)
        {
            _output.WriteByte((byte)(type - 7));
        }
        _output.Write(extra[..extraLength]);
    }
}
