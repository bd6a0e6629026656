namespace FlowViz.Enrichment.Applications;

/// <summary>
/// The built-in application rules (IANA "Service Name and Transport Protocol Port Number Registry" names where one
/// fits). Configured rules come after these, so one on the same protocol and port replaces the built-in one.
/// </summary>
public static class DefaultApplicationRules
{
    public static IReadOnlyList<ApplicationOptions> All { get; } =
    [
        Rule("https", "tcp", "443"),
        Rule("quic", "udp", "443"),
        Rule("http", "tcp", "80,8080"),
        Rule("dns", "tcp,udp", "53"),
        Rule("dot", "tcp", "853"),
        Rule("ssh", "tcp", "22"),
        Rule("telnet", "tcp", "23"),
        Rule("ftp", "tcp", "20,21"),
        Rule("smtp", "tcp", "25"),
        Rule("submission", "tcp", "465,587"),
        Rule("pop3", "tcp", "110"),
        Rule("pop3s", "tcp", "995"),
        Rule("imap", "tcp", "143"),
        Rule("imaps", "tcp", "993"),
        Rule("ntp", "udp", "123"),
        Rule("dhcp", "udp", "67,68"),
        Rule("dhcpv6", "udp", "546,547"),
        Rule("tftp", "udp", "69"),
        Rule("syslog", "udp", "514"),
        Rule("snmp", "udp", "161,162"),
        Rule("kerberos", "tcp,udp", "88"),
        Rule("ldap", "tcp,udp", "389"),
        Rule("ldaps", "tcp", "636"),
        Rule("netbios", "tcp,udp", "137-139"),
        Rule("smb", "tcp", "445"),
        Rule("rdp", "tcp,udp", "3389"),
        Rule("vnc", "tcp", "5900"),
        Rule("bgp", "tcp", "179"),
        Rule("ipsec", "udp", "500,4500"),
        Rule("ipsec", "esp"),
        Rule("ipsec", "ah"),
        Rule("openvpn", "tcp,udp", "1194"),
        Rule("wireguard", "udp", "51820"),
        Rule("gre", "gre"),
        Rule("ospf", "ospf"),
        Rule("vrrp", "vrrp"),
        Rule("icmp", "icmp"),
        Rule("icmpv6", "icmpv6"),
        Rule("sip", "tcp,udp", "5060,5061"),
        Rule("rtsp", "tcp", "554"),
        Rule("mssql", "tcp", "1433"),
        Rule("mysql", "tcp", "3306"),
        Rule("postgresql", "tcp", "5432"),
        Rule("redis", "tcp", "6379"),
        Rule("mongodb", "tcp", "27017"),
        Rule("mqtt", "tcp", "1883,8883"),
        Rule("netflow", "udp", "2055,4739,6343,9995"),
    ];

    private static ApplicationOptions Rule(string name, string protocol, string? ports = null) =>
        new() { Name = name, Protocol = protocol, Ports = ports };
}
