using System.Buffers.Binary;
using System.Net;

namespace FlowViz.EndToEnd.Tests;

/// <summary>
/// sFlow v5 datagrams holding one counters_sample (0:2) with generic interface counters (0:1), as an agent polling an
/// interface sends them (sflow_version_5.txt: datagram header, "struct counters_sample", "struct if_counters"). They
/// carry no flow sample, so a collector that receives them stores no flow.
/// </summary>
public static class CounterTraffic
{
    /// <summary>An agent no other test's traffic names.</summary>
    public static readonly IPAddress Agent = IPAddress.Parse("192.0.2.91");

    public const uint IfIndex = 5;

    public const ulong SpeedBps = 100_000_000;

    /// <summary>One poll of <see cref="IfIndex"/>: its running octet counters (64-bit), datagram number <paramref name="sequence"/>.</summary>
    public static byte[] Poll(uint sequence, ulong inOctets, ulong outOctets)
    {
        var counters = new byte[88];
        var c = counters.AsSpan();
        BinaryPrimitives.WriteUInt32BigEndian(c, IfIndex);
        BinaryPrimitives.WriteUInt32BigEndian(c[4..], 6);              // ifType ethernetCsmacd
        BinaryPrimitives.WriteUInt64BigEndian(c[8..], SpeedBps);
        BinaryPrimitives.WriteUInt32BigEndian(c[16..], 1);             // ifDirection full-duplex
        BinaryPrimitives.WriteUInt32BigEndian(c[20..], 3);             // ifStatus admin and oper up
        BinaryPrimitives.WriteUInt64BigEndian(c[24..], inOctets);
        BinaryPrimitives.WriteUInt64BigEndian(c[56..], outOctets);     // after 6 in-counters of 4 bytes
        byte[] sample =
        [
            .. U32(sequence), .. U32(IfIndex), .. U32(1), // sequence_number, source_id (type 0, index), one record
            .. U32(1), .. U32((uint)counters.Length), .. counters,
        ];
        return
        [
            .. U32(5), .. U32(1), .. Agent.GetAddressBytes(), .. U32(0), .. U32(sequence), .. U32(sequence * 20_000),
            .. U32(1), .. U32(2), .. U32((uint)sample.Length), .. sample,
        ];
    }

    private static byte[] U32(uint value)
    {
        var bytes = new byte[4];
        BinaryPrimitives.WriteUInt32BigEndian(bytes, value);
        return bytes;
    }
}
