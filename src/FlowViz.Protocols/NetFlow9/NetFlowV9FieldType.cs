namespace FlowViz.Protocols.NetFlow9;

/// <summary>NetFlow v9 field type numbers FlowViz reads or writes (RFC 3954 §8, "Field Type Definitions").</summary>
public static class NetFlowV9FieldType
{
    public const ushort InBytes = 1;
    public const ushort InPkts = 2;
    public const ushort Protocol = 4;
    public const ushort SrcTos = 5;
    public const ushort TcpFlags = 6;
    public const ushort L4SrcPort = 7;
    public const ushort Ipv4SrcAddr = 8;
    public const ushort SrcMask = 9;
    public const ushort InputSnmp = 10;
    public const ushort L4DstPort = 11;
    public const ushort Ipv4DstAddr = 12;
    public const ushort DstMask = 13;
    public const ushort OutputSnmp = 14;
    public const ushort Ipv4NextHop = 15;
    public const ushort SrcAs = 16;
    public const ushort DstAs = 17;
    public const ushort LastSwitched = 21;
    public const ushort FirstSwitched = 22;
    public const ushort Ipv6SrcAddr = 27;
    public const ushort Ipv6DstAddr = 28;
    public const ushort Ipv6SrcMask = 29;
    public const ushort Ipv6DstMask = 30;
    public const ushort IcmpType = 32;
    public const ushort SamplingInterval = 34;
    public const ushort SamplingAlgorithm = 35;
    public const ushort FlowSamplerId = 48;
    public const ushort FlowSamplerMode = 49;
    public const ushort FlowSamplerRandomInterval = 50;
    public const ushort InSrcMac = 56;
    public const ushort OutDstMac = 57;
    public const ushort SrcVlan = 58;
    public const ushort DstVlan = 59;
    public const ushort Direction = 61;
    public const ushort Ipv6NextHop = 62;
    public const ushort MplsLabel1 = 70;
    public const ushort InDstMac = 80;
    public const ushort OutSrcMac = 81;
    public const ushort IfName = 82;
    public const ushort IfDesc = 83;

    /// <summary>
    /// icmpTypeCodeIPv6 (IANA IPFIX IE 139, type × 256 + code). Not in RFC 3954, but v9 and IPFIX share the
    /// numbering and softflowd 1.1.0 uses it in its v9 ICMPv6 template.
    /// </summary>
    public const ushort IcmpTypeCodeIPv6 = 139;

    /// <summary>IPFIX flowStartSeconds (150, IANA); 150..153 appear in v9 templates of pmacct and others.</summary>
    public const ushort FlowStartSeconds = 150;
    public const ushort FlowEndSeconds = 151;
    public const ushort FlowStartMilliseconds = 152;
    public const ushort FlowEndMilliseconds = 153;
}
