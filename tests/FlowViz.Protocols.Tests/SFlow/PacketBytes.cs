using System.Net;

namespace FlowViz.Protocols.Tests.SFlow;

/// <summary>Sampled packet headers for sampled_header records: Ethernet, tags, labels, IP and transport headers.</summary>
internal static class PacketBytes
{
    public static readonly byte[] DstMac = [0x02, 0, 0, 0, 0, 0x02];
    public static readonly byte[] SrcMac = [0x02, 0, 0, 0, 0, 0x01];

    public static byte[] Ethernet(ushort etherType, byte[] payload) => [.. DstMac, .. SrcMac, .. U16(etherType), .. payload];

    /// <summary>An 802.1Q (0x8100) or 802.1ad (0x88A8) tag: TPID, then TCI = PCP(3) DEI(1) VID(12).</summary>
    public static byte[] Tag(ushort tpid, ushort vlan, byte priority = 0) => [.. U16(tpid), .. U16((ushort)(priority << 13 | vlan))];

    /// <summary>RFC 3032 label stack entry: label(20) TC(3) S(1) TTL(8).</summary>
    public static byte[] MplsLabel(uint label, bool bottom) => SFlowDatagramBuilder.U32(label << 12 | (bottom ? 0x100u : 0) | 64);

    public static byte[] IPv4(string src, string dst, byte protocol, byte[] payload, byte tos = 0, int totalLength = 0) =>
        [0x45, tos, .. U16((ushort)(totalLength > 0 ? totalLength : 20 + payload.Length)), 0, 1, 0, 0, 64, protocol, 0, 0,
            .. IPAddress.Parse(src).GetAddressBytes(), .. IPAddress.Parse(dst).GetAddressBytes(), .. payload];

    public static byte[] IPv6(string src, string dst, byte nextHeader, byte[] payload, byte trafficClass = 0) =>
        [(byte)(0x60 | trafficClass >> 4), (byte)(trafficClass << 4), 0, 0, .. U16((ushort)payload.Length), nextHeader, 64,
            .. IPAddress.Parse(src).GetAddressBytes(), .. IPAddress.Parse(dst).GetAddressBytes(), .. payload];

    /// <summary>A 20-byte TCP header (RFC 9293 §3.1), flags in octet 13.</summary>
    public static byte[] Tcp(ushort srcPort, ushort dstPort, byte flags) =>
        [.. U16(srcPort), .. U16(dstPort), 0, 0, 0, 1, 0, 0, 0, 0, 0x50, flags, 0xFF, 0xFF, 0, 0, 0, 0];

    public static byte[] Udp(ushort srcPort, ushort dstPort, int payloadLength = 0) =>
        [.. U16(srcPort), .. U16(dstPort), .. U16((ushort)(8 + payloadLength)), 0, 0, .. new byte[payloadLength]];

    public static byte[] Icmp(byte type, byte code) => [type, code, 0, 0, 0, 1, 0, 1];

    public static byte[] U16(ushort value) => [(byte)(value >> 8), (byte)value];
}
