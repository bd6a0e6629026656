namespace FlowViz.Core.Filtering;

/// <summary>The numeric fields a <see cref="NumberFilter"/> can compare.</summary>
public enum NumberSubject
{
    /// <summary>Transport port, 0–65535 (<c>[src|dst] port</c>).</summary>
    Port,

    /// <summary>Autonomous system number, 0–4294967295 (<c>[src|dst] as</c>).</summary>
    As,

    /// <summary>SNMP interface index (<c>in if</c>, <c>out if</c>, <c>if</c>).</summary>
    Interface,

    /// <summary>Bytes as exported, before sampling is applied (as nfdump compares them).</summary>
    Bytes,

    /// <summary>Packets as exported, before sampling is applied.</summary>
    Packets,

    /// <summary>IPv4 type of service / IPv6 traffic class, 0–255.</summary>
    Tos,

    /// <summary>VLAN id, 0–4095 (<c>[src|dst] vlan</c>).</summary>
    Vlan,

    /// <summary>
    /// The remote AS (<c>origin as</c>): the source AS of inbound flows, the destination AS of outbound ones, as the
    /// origin AS dimension defines it. Internal, transit and undecided flows have none, so they never match.
    /// </summary>
    OriginAs,
}
