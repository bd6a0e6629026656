using System.Buffers.Binary;
using System.Net;

namespace FlowViz.Generator.Replay;

/// <summary>Finds the UDP payload in a captured frame, per pcap link type (tcpdump.org/linktypes.html).</summary>
internal static class LinkLayer
{
    private const uint Null = 0, Ethernet = 1, Raw = 101, LinuxSll = 113, Loop = 108, LinuxSll2 = 276, RawAlt = 12;
    private const ushort EtherIPv4 = 0x0800, EtherIPv6 = 0x86DD, EtherVlan = 0x8100, EtherQinQ = 0x88A8;
    private const byte Udp = 17;

    public static bool IsSupported(uint linkType) => linkType is Null or Ethernet or Raw or RawAlt or LinuxSll or Loop or LinuxSll2;

    public static (IPEndPoint Source, byte[] Payload)? UdpDatagram(ReadOnlySpan<byte> frame, uint linkType)
    {
        var ip = linkType switch
        {
            Ethernet => SkipEthernet(frame),
            LinuxSll => frame.Length >= 16 ? (BinaryPrimitives.ReadUInt16BigEndian(frame[14..]), 16) : (0, 0),
            LinuxSll2 => frame.Length >= 20 ? (BinaryPrimitives.ReadUInt16BigEndian(frame), 20) : (0, 0),
            // BSD loopback: a 4-byte address family, host order for DLT_NULL, network order for DLT_LOOP;
            // the IP version nibble tells IPv4 from IPv6 whatever the family's value on the capturing OS.
            Null or Loop => frame.Length > 4 ? (VersionOf(frame[4]), 4) : (0, 0),
            _ => frame.Length > 0 ? (VersionOf(frame[0]), 0) : (0, 0),
        };
        return ip.Item1 switch
        {
            EtherIPv4 => FromIPv4(frame[ip.Item2..]),
            EtherIPv6 => FromIPv6(frame[ip.Item2..]),
            _ => null,
        };
    }

    private static ushort VersionOf(byte first) => (first >> 4) switch { 4 => EtherIPv4, 6 => EtherIPv6, _ => 0 };

    private static (ushort, int) SkipEthernet(ReadOnlySpan<byte> frame)
    {
        var offset = 12;
        while (frame.Length >= offset + 2)
        {
            var type = BinaryPrimitives.ReadUInt16BigEndian(frame[offset..]);
            if (type is not (EtherVlan or EtherQinQ))
            {
                return (type, offset + 2);
            }
            offset += 4; // 802.1Q / 802.1ad tag: TPID + TCI
        }
        return (0, 0);
    }

    private static (IPEndPoint, byte[])? FromIPv4(ReadOnlySpan<byte> packet)
    {
        if (packet.Length < 20 || packet[0] >> 4 != 4 || packet[9] != Udp)
        {
            return null;
        }
        var headerLength = (packet[0] & 0x0F) * 4;
        var fragment = BinaryPrimitives.ReadUInt16BigEndian(packet[6..]);
        if ((fragment & 0x3FFF) != 0) // more-fragments flag or an offset: not a whole datagram
        {
            return null;
        }
        var source = new IPAddress(packet.Slice(12, 4));
        return FromUdp(packet[headerLength..], source);
    }

    private static (IPEndPoint, byte[])? FromIPv6(ReadOnlySpan<byte> packet)
    {
        if (packet.Length < 40)
        {
            return null;
        }
        var next = packet[6];
        var offset = 40;
        // Hop-by-hop (0), routing (43) and destination options (60) can precede UDP; a fragment header (44) cannot be replayed whole.
        while (next is 0 or 43 or 60 && packet.Length >= offset + 8)
        {
            next = packet[offset];
            offset += (packet[offset + 1] + 1) * 8;
        }
        return next == Udp && packet.Length >= offset ? FromUdp(packet[offset..], new IPAddress(packet.Slice(8, 16))) : null;
    }

    private static (IPEndPoint, byte[])? FromUdp(ReadOnlySpan<byte> udp, IPAddress source)
    {
        if (udp.Length < 8)
        {
            return null;
        }
        var length = BinaryPrimitives.ReadUInt16BigEndian(udp[4..]);
        if (length < 8 || length > udp.Length) // cut by the snap length: the payload is incomplete
        {
            return null;
        }
        return (new IPEndPoint(source, BinaryPrimitives.ReadUInt16BigEndian(udp)), udp[8..length].ToArray());
    }
}
