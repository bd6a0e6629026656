namespace FlowViz.Core.Flows;

/// <summary>Names of IP protocol numbers (IANA "Assigned Internet Protocol Numbers") for labels.</summary>
public static class IpProtocolNames
{
    public static string NameOf(int protocol) => protocol switch
    {
        1 => "ICMP",
        2 => "IGMP",
        4 => "IPIP",
        6 => "TCP",
        17 => "UDP",
        41 => "IPv6",
        47 => "GRE",
        50 => "ESP",
        51 => "AH",
        58 => "ICMPv6",
        88 => "EIGRP",
        89 => "OSPF",
        103 => "PIM",
        112 => "VRRP",
        132 => "SCTP",
        _ => protocol.ToString(System.Globalization.CultureInfo.InvariantCulture),
    };
}
