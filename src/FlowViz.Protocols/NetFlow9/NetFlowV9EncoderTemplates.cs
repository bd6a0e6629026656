using T = FlowViz.Protocols.NetFlow9.NetFlowV9FieldType;

namespace FlowViz.Protocols.NetFlow9;

/// <summary>
/// The two templates <see cref="NetFlowV9Encoder"/> exports: every <c>FlowRecord</c> field NetFlow v9
/// can carry, for IPv4 and for IPv6 flows. Counters are 8 bytes (RFC 3954 §8 allows 4 or 8) so a
/// generated elephant flow never wraps.
/// </summary>
internal static class NetFlowV9EncoderTemplates
{
    public const ushort IPv4TemplateId = 256;
    public const ushort IPv6TemplateId = 257;

    public static readonly (ushort Type, ushort Length)[] IPv4 = Build(T.Ipv4SrcAddr, T.Ipv4DstAddr, T.Ipv4NextHop, 4);

    public static readonly (ushort Type, ushort Length)[] IPv6 = Build(T.Ipv6SrcAddr, T.Ipv6DstAddr, T.Ipv6NextHop, 16);

    public static readonly int IPv4RecordLength = RecordLength(IPv4);

    public static readonly int IPv6RecordLength = RecordLength(IPv6);

    /// <summary>The Template FlowSet holding both templates (RFC 3954 §5.2), header included.</summary>
    public static int TemplateFlowSetLength => 4 + 4 + IPv4.Length * 4 + 4 + IPv6.Length * 4;

    private static (ushort, ushort)[] Build(ushort src, ushort dst, ushort nextHop, ushort addressLength) =>
    [
        (src, addressLength), (dst, addressLength), (nextHop, addressLength),
        (T.L4SrcPort, 2), (T.L4DstPort, 2), (T.Protocol, 1), (T.SrcTos, 1), (T.TcpFlags, 1),
        (T.InputSnmp, 4), (T.OutputSnmp, 4), (T.InBytes, 8), (T.InPkts, 8),
        (T.FirstSwitched, 4), (T.LastSwitched, 4), (T.SrcAs, 4), (T.DstAs, 4),
        (addressLength == 4 ? T.SrcMask : T.Ipv6SrcMask, 1), (addressLength == 4 ? T.DstMask : T.Ipv6DstMask, 1),
        (T.Direction, 1), (T.SrcVlan, 2), (T.DstVlan, 2), (T.InSrcMac, 6), (T.OutDstMac, 6),
        (T.MplsLabel1, 3), (T.SamplingInterval, 4),
    ];

    private static int RecordLength((ushort Type, ushort Length)[] fields)
    {
        var length = 0;
        foreach (var field in fields)
        {
            length += field.Length;
        }
        return length;
    }
}
