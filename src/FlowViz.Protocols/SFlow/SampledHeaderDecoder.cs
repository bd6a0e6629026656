using System.Buffers.Binary;
using FlowViz.Core.Flows;

namespace FlowViz.Protocols.SFlow;

/// <summary>
/// Reads flow keys from the first bytes of a sampled packet (sFlow's sampled_header): Ethernet, 802.1Q
/// and 802.1ad tags, an MPLS label stack, IPv4 or IPv6 (with its common extension headers), then the
/// TCP/UDP ports and flags or the ICMP type and code. The header is usually cut short by the agent, so
/// every layer is read only if it is complete, and whatever was read stays in the record.
/// </summary>
internal static class SampledHeaderDecoder
{
    private const ushort EtherTypeIPv4 = 0x0800;
    private const ushort EtherTypeIPv6 = 0x86DD;
    private const ushort EtherTypeVlan = 0x8100; // IEEE 802.1Q C-tag
    private const ushort EtherTypeQinQ = 0x88A8; // IEEE 802.1ad S-tag
    private const ushort EtherTypeQinQLegacy = 0x9100; // pre-standard QinQ, still common
    private const ushort EtherTypeMpls = 0x8847;
    private const ushort EtherTypeMplsMulticast = 0x8848;

    private const int MaxVlanTags = 4;
    private const int MaxMplsLabels = 16;
    private const int MaxIPv6ExtensionHeaders = 8;

    /// <summary>An Ethernet II frame: destination MAC, source MAC, EtherType (IEEE 802.3 clause 3).</summary>
    public static void DecodeEthernet(ReadOnlySpan<byte> frame, ref FlowRecord flow)
    {
        if (frame.Length < 14)
        {
            return;
        }
        flow.DstMac = ReadMac(frame);
        flow.SrcMac = ReadMac(frame[6..]);
        var etherType = BinaryPrimitives.ReadUInt16BigEndian(frame[12..]);
        var rest = frame[14..];
        // 802.1Q: TPID then TCI (PCP 3 bits, DEI 1 bit, VID 12 bits). With QinQ the outer (service) tag
        // is the one the sampling port switches on, so the first tag seen is kept.
        for (var tags = 0; tags < MaxVlanTags && etherType is EtherTypeVlan or EtherTypeQinQ or EtherTypeQinQLegacy; tags++)
        {
            if (rest.Length < 4)
            {
                return;
            }
            if (flow.SrcVlan == 0)
            {
                flow.SrcVlan = (ushort)(BinaryPrimitives.ReadUInt16BigEndian(rest) & 0x0FFF);
            }
            etherType = BinaryPrimitives.ReadUInt16BigEndian(rest[2..]);
            rest = rest[4..];
        }
        if (etherType is EtherTypeMpls or EtherTypeMplsMulticast)
        {
            DecodeMpls(rest, ref flow);
            return;
        }
        DecodeNetwork(etherType, rest, ref flow);
    }

    /// <summary>
    /// RFC 3032 §2.1 label stack entry: Label (20 bits), Traffic Class (3), Bottom of Stack (1), TTL (8).
    /// The top label is kept; after the bottom of stack the payload's first nibble (IP version) tells
    /// IPv4 from IPv6, as label-switching routers do for the implicit payload.
    /// </summary>
    private static void DecodeMpls(ReadOnlySpan<byte> stack, ref FlowRecord flow)
    {
        for (var labels = 0; labels < MaxMplsLabels && stack.Length >= 4; labels++)
        {
            var entry = BinaryPrimitives.ReadUInt32BigEndian(stack);
            if (labels == 0)
            {
                flow.MplsLabel = entry >> 12;
            }
            stack = stack[4..];
            if ((entry & 0x100) != 0)
            {
                if (stack.Length > 0)
                {
                    DecodeNetwork((stack[0] >> 4) switch { 4 => EtherTypeIPv4, 6 => EtherTypeIPv6, _ => 0 }, stack, ref flow);
                }
                return;
            }
        }
    }

    private static void DecodeNetwork(ushort etherType, ReadOnlySpan<byte> packet, ref FlowRecord flow)
    {
        if (etherType == EtherTypeIPv4)
        {
            DecodeIPv4(packet, ref flow);
        }
        else if (etherType == EtherTypeIPv6)
        {
            DecodeIPv6(packet, ref flow);
        }
    }

    /// <summary>
    /// RFC 791 §3.1: Version/IHL, ToS, Total Length, Identification, Flags/Fragment Offset, TTL, Protocol,
    /// Checksum, Source, Destination, options. Only the first fragment carries the transport header.
    /// </summary>
    public static void DecodeIPv4(ReadOnlySpan<byte> packet, ref FlowRecord flow)
    {
        if (packet.Length < 20 || packet[0] >> 4 != 4)
        {
            return;
        }
        var headerLength = (packet[0] & 0x0F) * 4;
        flow.Tos = packet[1];
        flow.Protocol = packet[9];
        flow.SrcAddr = FlowAddress.FromIPv4(packet[12..]);
        flow.DstAddr = FlowAddress.FromIPv4(packet[16..]);
        var fragmentOffset = BinaryPrimitives.ReadUInt16BigEndian(packet[6..]) & 0x1FFF;
        if (fragmentOffset == 0 && headerLength >= 20 && packet.Length > headerLength)
        {
            DecodeTransport(flow.Protocol, packet[headerLength..], ref flow);
        }
    }

    /// <summary>
    /// RFC 8200 §3: Version (4 bits), Traffic Class (8), Flow Label (20), Payload Length, Next Header,
    /// Hop Limit, Source, Destination; then extension headers (§4) chained by Next Header.
    /// </summary>
    public static void DecodeIPv6(ReadOnlySpan<byte> packet, ref FlowRecord flow)
    {
        if (packet.Length < 40 || packet[0] >> 4 != 6)
        {
            return;
        }
        flow.Tos = (byte)(BinaryPrimitives.ReadUInt32BigEndian(packet) >> 20);
        flow.SrcAddr = FlowAddress.FromIPv6(packet[8..]);
        flow.DstAddr = FlowAddress.FromIPv6(packet[24..]);
        var nextHeader = packet[6];
        var rest = packet[40..];
        for (var i = 0; i < MaxIPv6ExtensionHeaders; i++)
        {
            var length = ExtensionHeaderLength(nextHeader, rest);
            if (length == 0)
            {
                break;
            }
            // Fragment header (44): only the first fragment (offset 0) carries the transport header.
            var laterFragment = nextHeader == 44 && (BinaryPrimitives.ReadUInt16BigEndian(rest[2..]) & 0xFFF8) != 0;
            nextHeader = rest[0];
            if (laterFragment || rest.Length < length)
            {
                flow.Protocol = nextHeader;
                return;
            }
            rest = rest[length..];
        }
        flow.Protocol = nextHeader;
        DecodeTransport(nextHeader, rest, ref flow);
    }

    /// <summary>
    /// The length of an extension header, 0 when <paramref name="nextHeader"/> is not one (or is cut
    /// before its length byte). RFC 8200 §4.3–4.6: Hop-by-Hop (0), Routing (43) and Destination Options
    /// (60) give "Hdr Ext Len" in 8-octet units not counting the first 8; Fragment (44) is 8 octets;
    /// RFC 4302 §2.2: AH (51) gives its length in 4-octet units minus 2.
    /// </summary>
    private static int ExtensionHeaderLength(byte nextHeader, ReadOnlySpan<byte> header)
    {
        if (header.Length < 8)
        {
            return 0;
        }
        return nextHeader switch
        {
            0 or 43 or 60 => (header[1] + 1) * 8,
            44 => 8,
            51 => (header[1] + 2) * 4,
            _ => 0,
        };
    }

    /// <summary>
    /// TCP (RFC 9293 §3.1: ports, then flags in octet 13) and UDP/SCTP/UDP-Lite ports (first 4 octets);
    /// ICMP (RFC 792) and ICMPv6 (RFC 4443) type and code as type × 256 + code in the destination port,
    /// the NetFlow ICMP_TYPE convention the other decoders follow.
    /// </summary>
    private static void DecodeTransport(byte protocol, ReadOnlySpan<byte> segment, ref FlowRecord flow)
    {
        switch (protocol)
        {
            case 6 or 17 or 132 or 136 when segment.Length >= 4:
                flow.SrcPort = BinaryPrimitives.ReadUInt16BigEndian(segment);
                flow.DstPort = BinaryPrimitives.ReadUInt16BigEndian(segment[2..]);
                if (protocol == 6 && segment.Length >= 14)
                {
                    flow.TcpFlags = segment[13];
                }
                break;
            case 1 or 58 when segment.Length >= 2:
                flow.DstPort = (ushort)(segment[0] << 8 | segment[1]);
                break;
        }
    }

    /// <summary>A 6-byte MAC address in the low 48 bits, as <see cref="FlowRecord.SrcMac"/> stores it.</summary>
    public static ulong ReadMac(ReadOnlySpan<byte> mac) =>
        (ulong)BinaryPrimitives.ReadUInt16BigEndian(mac) << 32 | BinaryPrimitives.ReadUInt32BigEndian(mac[2..]);
}
