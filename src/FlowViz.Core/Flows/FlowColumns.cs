namespace FlowViz.Core.Flows;

/// <summary>
/// The one column catalogue of the flows table. Its order is the binary COPY column order, and it must
/// match <c>db-migrations/</c> (a storage test checks that the database agrees). Unsigned wire fields
/// are widened to the next signed SQL type, since PostgreSQL has no unsigned integers.
/// </summary>
public static class FlowColumns
{
    public static IReadOnlyList<FlowColumn> All { get; } =
    [
        new("time_received", "timestamptz", FlowField.TimeReceived, "When the collector received the datagram"),
        new("time_start", "timestamptz", FlowField.TimeStart, "First packet of the flow"),
        new("time_end", "timestamptz", FlowField.TimeEnd, "Last packet of the flow"),
        new("exporter", "inet", FlowField.Exporter, "Address of the exporter (router, probe or sFlow agent)"),
        new("observation_domain_id", "bigint", FlowField.ObservationDomainId, "NetFlow v9 source ID, IPFIX observation domain, sFlow sub-agent"),
        new("flow_protocol", "smallint", FlowField.FlowProtocol, "Export protocol: 5, 9 (NetFlow), 10 (IPFIX), 50 (sFlow v5)"),
        new("src_addr", "inet", FlowField.SrcAddr, "Source address"),
        new("dst_addr", "inet", FlowField.DstAddr, "Destination address"),
        new("next_hop", "inet", FlowField.NextHop, "Next-hop router address"),
        new("src_port", "integer", FlowField.SrcPort, "Source transport port"),
        new("dst_port", "integer", FlowField.DstPort, "Destination transport port (ICMP: type × 256 + code)"),
        new("protocol", "smallint", FlowField.Protocol, "IP protocol number"),
        new("tcp_flags", "smallint", FlowField.TcpFlags, "Cumulative OR of TCP flags"),
        new("tos", "smallint", FlowField.Tos, "IPv4 type of service or IPv6 traffic class"),
        new("input_if", "bigint", FlowField.InputInterface, "Input interface index (SNMP ifIndex)"),
        new("output_if", "bigint", FlowField.OutputInterface, "Output interface index (SNMP ifIndex)"),
        new("bytes", "bigint", FlowField.Bytes, "Octets as exported, before sampling is applied"),
        new("packets", "bigint", FlowField.Packets, "Packets as exported, before sampling is applied"),
        new("sampling_rate", "bigint", FlowField.SamplingRate, "1 in N packets sampled (1: unsampled)"),
        new("src_as", "bigint", FlowField.SrcAs, "Source autonomous system"),
        new("dst_as", "bigint", FlowField.DstAs, "Destination autonomous system"),
        new("src_mask", "smallint", FlowField.SrcMask, "Source prefix length"),
        new("dst_mask", "smallint", FlowField.DstMask, "Destination prefix length"),
        new("src_vlan", "integer", FlowField.SrcVlan, "Source VLAN"),
        new("dst_vlan", "integer", FlowField.DstVlan, "Destination VLAN"),
        new("direction", "smallint", FlowField.Direction, "0 ingress, 1 egress, 255 unknown"),
        new("src_mac", "bigint", FlowField.SrcMac, "Source MAC address (48 bits)"),
        new("dst_mac", "bigint", FlowField.DstMac, "Destination MAC address (48 bits)"),
        new("mpls_label", "integer", FlowField.MplsLabel, "Top MPLS label"),
        new("src_country", "text", FlowField.SrcCountry, "Source country (ISO 3166-1 alpha-2), from the GeoIP database"),
        new("dst_country", "text", FlowField.DstCountry, "Destination country (ISO 3166-1 alpha-2), from the GeoIP database"),
        new("application", "text", FlowField.Application, "Application named by the application rules (CUFlow's Service)"),
        new("traffic_direction", "smallint", FlowField.TrafficDirection, "Relative to the local networks: 0 unknown, 1 in, 2 out, 3 internal, 4 transit"),
    ];
}
