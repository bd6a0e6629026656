using System.Buffers.Binary;
using System.Runtime.CompilerServices;

namespace FlowViz.Protocols;

/// <summary>
/// A forward-only big-endian reader over a datagram or one set of it. Every read is a <c>Try…</c> that
/// fails instead of reading past the end, so a decoder given a reader bounded by a set's declared
/// length can never run into the next set. Allocation-free.
/// </summary>
public ref struct FlowReader
{
    private readonly ReadOnlySpan<byte> _buffer;
    private int _position;

    public FlowReader(ReadOnlySpan<byte> buffer)
    {
        _buffer = buffer;
        _position = 0;
    }

    /// <summary>Bytes not yet read.</summary>
    public readonly int Remaining => _buffer.Length - _position;

    /// <summary>The bytes not yet read.</summary>
    public readonly ReadOnlySpan<byte> UnreadSpan => _buffer[_position..];

    public bool TryReadByte(out byte value)
    {
        if (Remaining < 1)
        {
            value = 0;
            return false;
        }
        value = _buffer[_position++];
        return true;
    }

    public bool TryReadUInt16(out ushort value)
    {
        if (Remaining < 2)
        {
            value = 0;
            return false;
        }
        value = BinaryPrimitives.ReadUInt16BigEndian(_buffer[_position..]);
        _position += 2;
        return true;
    }

    public bool TryReadUInt32(out uint value)
    {
        if (Remaining < 4)
        {
            value = 0;
            return false;
        }
        value = BinaryPrimitives.ReadUInt32BigEndian(_buffer[_position..]);
        _position += 4;
        return true;
    }

    /// <summary>Takes the next <paramref name="length"/> bytes as their own span, or fails if fewer remain.</summary>
    public bool TryReadSpan(int length, out ReadOnlySpan<byte> span)
    {
        if (length < 0 || Remaining < length)
        {
            span = default;
            return false;
        }
        span = _buffer.Slice(_position, length);
        _position += length;
        return true;
    }

    /// <summary>Takes the next <paramref name="length"/> bytes as a reader bounded by them.</summary>
    public bool TryReadReader(int length, out FlowReader reader)
    {
        var ok = TryReadSpan(length, out var span);
        reader = new FlowReader(span);
        return ok;
    }

    /// <summary>
    /// Reads an unsigned big-endian integer of 1 to 8 bytes: template-based formats let the exporter
    /// choose a field's length (RFC 3954 §8: "IN_BYTES … default is 4, can be 8").
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static ulong ReadUnsigned(ReadOnlySpan<byte> bytes) => bytes.Length switch
    {
        1 => bytes[0],
        2 => BinaryPrimitives.ReadUInt16BigEndian(bytes),
        4 => BinaryPrimitives.ReadUInt32BigEndian(bytes),
        8 => BinaryPrimitives.ReadUInt64BigEndian(bytes),
        _ => ReadUnsignedSlow(bytes),
    };

    private static ulong ReadUnsignedSlow(ReadOnlySpan<byte> bytes)
    {
        ulong value = 0;
        foreach (var b in bytes)
        {
            value = (value << 8) | b;
        }
        return value;
    }
}
