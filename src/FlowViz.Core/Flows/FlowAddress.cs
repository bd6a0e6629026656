using System.Buffers.Binary;
using System.Net;
using System.Net.Sockets;

namespace FlowViz.Core.Flows;

/// <summary>
/// An IPv4 or IPv6 address held in 16 bytes without allocation, so decoders can fill flow records
/// on the hot path. IPv4 addresses are stored IPv4-mapped (<c>::ffff:a.b.c.d</c>, RFC 4291 §2.5.5.2).
/// The default value is "no address" (<c>::</c>), which exporters send when a field is absent.
/// </summary>
public readonly record struct FlowAddress(ulong High, ulong Low)
{
    private const ulong MappedPrefix = 0x0000_FFFF_0000_0000UL;

    public static FlowAddress None => default;

    public bool IsNone => High == 0 && Low == 0;

    public bool IsIPv4 => High == 0 && (Low & 0xFFFF_FFFF_0000_0000UL) == MappedPrefix;

    public static FlowAddress FromIPv4(uint address) => new(0, MappedPrefix | address);

    /// <summary>Reads a 4-byte IPv4 address in network byte order.</summary>
    public static FlowAddress FromIPv4(ReadOnlySpan<byte> bytes) => FromIPv4(BinaryPrimitives.ReadUInt32BigEndian(bytes));

    /// <summary>Reads a 16-byte IPv6 address in network byte order.</summary>
    public static FlowAddress FromIPv6(ReadOnlySpan<byte> bytes) =>
        new(BinaryPrimitives.ReadUInt64BigEndian(bytes), BinaryPrimitives.ReadUInt64BigEndian(bytes[8..]));

    public static FlowAddress FromIPAddress(IPAddress address)
    {
        Span<byte> bytes = stackalloc byte[16];
        if (address.AddressFamily == AddressFamily.InterNetwork)
        {
            address.TryWriteBytes(bytes, out _);
            return FromIPv4(bytes[..4]);
        }
        address.TryWriteBytes(bytes, out _);
        return FromIPv6(bytes);
    }

    public static FlowAddress Parse(string text) => FromIPAddress(IPAddress.Parse(text));

    /// <summary>The IPv4 address as a host-order integer; only meaningful when <see cref="IsIPv4"/>.</summary>
    public uint IPv4Value => (uint)Low;

    public IPAddress ToIPAddress()
    {
        if (IsIPv4)
        {
            return new IPAddress(BinaryPrimitives.ReverseEndianness(IPv4Value) & 0xFFFF_FFFFL);
        }
        Span<byte> bytes = stackalloc byte[16];
        WriteIPv6(bytes);
        return new IPAddress(bytes);
    }

    public void WriteIPv6(Span<byte> destination)
    {
        BinaryPrimitives.WriteUInt64BigEndian(destination, High);
        BinaryPrimitives.WriteUInt64BigEndian(destination[8..], Low);
    }

    public override string ToString() => ToIPAddress().ToString();
}
