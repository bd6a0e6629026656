using T = FlowViz.Protocols.NetFlow9.NetFlowV9FieldType;

namespace FlowViz.Protocols.Ipfix;

/// <summary>
/// The two templates <see cref="IpfixEncoder"/> exports: the fields of NetFlowV9Encoder's templates (IPFIX
/// Information Elements 1–127 keep the v9 numbers, RFC 7012 §4), with absolute flowStart/EndMilliseconds
/// (152/153, dateTimeMilliseconds) instead of sysUpTime offsets, so no options record is needed to place them.
/// </summary>
internal static class IpfixEncoderTemplates
{
    public const ushort IPv4TemplateId = 256;
    public const ushort IPv6TemplateId = 257;

    public static readonly (ushort Type, ushort Length)[] IPv4 = Build(T.Ipv4SrcAddr, T.Ipv4DstAddr, T.Ipv4NextHop, 4);

    public static readonly (ushort Type, ushort Length)[] IPv6 = Build(T.Ipv6SrcAddr, T.Ipv6DstAddr, T.Ipv6NextHop, 16);

    public static readonly int IPv4RecordLength = IPv4.Sum(f => f.Length);

    public static readonly int IPv6RecordLength = IPv6.Sum(f => f.Length);

    /// <summary>The Template Set holding both Template Records (RFC 7011 §3.4.1), Set header included.</summary>
    public static int TemplateSetLength => 4 + 4 + IPv4.Length * 4 + 4 + IPv6.Length * 4;

    private static (ushort, ushort)[] Build(ushort src, ushort dst, ushort nextHop, ushort addressLength) =>
    [
        (src, addressLength), (dst, addressLength), (nextHop, addressLength),
        (T.L4SrcPort, 2), (T.L4DstPort, 2), (T.Protocol, 1), (T.SrcTos, 1), (T.TcpFlags, 1),
        (T.InputSnmp, 4), (T.OutputSnmp, 4), (T.InBytes, 8), (T.InPkts, 8),
        (T.FlowStartMilliseconds, 8), (T.FlowEndMilliseconds, 8), (T.SrcAs, 4), (T.DstAs, 4),
        (addressLength == 4 ? T.SrcMask : T.Ipv6SrcMask, 1), (addressLength == 4 ? T.DstMask : T.Ipv6DstMask, 1),
        (T.Direction, 1), (T.SrcVlan, 2), (T.DstVlan, 2), (T.InSrcMac, 6), (T.OutDstMac, 6),
        (T.MplsLabel1, 3), (T.SamplingInterval, 4),
    ];
}
