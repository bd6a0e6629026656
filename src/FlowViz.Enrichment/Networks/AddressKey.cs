using System.Net;
using System.Net.Sockets;
using FlowViz.Core.Flows;

namespace FlowViz.Enrichment.Networks;

/// <summary>
/// Addresses and networks as 128-bit numbers in one space: IPv4 is IPv4-mapped (<c>::ffff:a.b.c.d</c>, as
/// <see cref="FlowAddress"/> holds it), so one sorted table answers for both families.
/// </summary>
internal static class AddressKey
{
    public static UInt128 Of(in FlowAddress address) => new(address.High, address.Low);

    /// <summary>The first and last address of a network, an IPv4 one moved into the mapped range.</summary>
    public static (UInt128 First, UInt128 Last) RangeOf(IPNetwork network)
    {
        var first = Of(FlowAddress.FromIPAddress(network.BaseAddress));
        var length = network.PrefixLength + (network.BaseAddress.AddressFamily == AddressFamily.InterNetwork ? 96 : 0);
        var hostBits = length == 0 ? UInt128.MaxValue : (UInt128.One << (128 - length)) - UInt128.One;
        return (first & ~hostBits, first | hostBits);
    }

    /// <summary>The prefix length in the mapped space of a prefix length the reader gave for an address.</summary>
    public static int MappedLength(in FlowAddress address, int prefixLength) =>
        address.IsIPv4 ? prefixLength + 96 : prefixLength;

    /// <summary>The mask of a prefix length in the 128-bit space.</summary>
    public static UInt128 Mask(int length) => length == 0 ? UInt128.Zero : UInt128.MaxValue << (128 - length);
}
