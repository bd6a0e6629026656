using FlowViz.Core.Flows;

namespace FlowViz.Core.Counters;

/// <summary>
/// One interface's counters as an exporter polled them: the generic interface counters of sFlow v5
/// (<c>if_counters</c>, enterprise 0 format 1, which mirror the IF-MIB ifTable/ifXTable columns of
/// RFC 2863). A mutable value type that decoders fill in place (no allocation per record), like
/// <see cref="FlowRecord"/>. Counters are the exporter's running totals, not deltas: consumers
/// subtract successive polls of the same (exporter, observation domain, ifIndex) to get rates, and
/// must expect a counter to wrap or reset when the device restarts.
/// </summary>
public struct InterfaceCounterRecord
{
    /// <summary>When the collector received the datagram (UTC).</summary>
    public DateTime TimeReceived;

    /// <summary>The device the counters belong to (the sFlow agent address, as for flows).</summary>
    public FlowAddress Exporter;

    /// <summary>sFlow sub-agent ID (the same value flows from that agent carry).</summary>
    public uint ObservationDomainId;

    /// <summary>ifIndex of the interface (RFC 2863).</summary>
    public uint IfIndex;

    /// <summary>IANAifType of the interface (6 = ethernetCsmacd).</summary>
    public uint IfType;

    /// <summary>Interface speed in bits per second (sFlow sends it as a 64-bit ifSpeed, so faster links need no ifHighSpeed).</summary>
    public ulong IfSpeed;

    /// <summary>sFlow ifDirection: 0 unknown, 1 full-duplex, 2 half-duplex, 3 in, 4 out.</summary>
    public uint IfDirection;

    /// <summary>sFlow ifStatus: bit 0 ifAdminStatus up, bit 1 ifOperStatus up.</summary>
    public uint IfStatus;

    public ulong InOctets;
    public uint InUcastPackets;
    public uint InMulticastPackets;
    public uint InBroadcastPackets;
    public uint InDiscards;
    public uint InErrors;

    /// <summary>ifInUnknownProtos: received packets discarded because of an unknown or unsupported protocol.</summary>
    public uint InUnknownProtos;

    public ulong OutOctets;
    public uint OutUcastPackets;
    public uint OutMulticastPackets;
    public uint OutBroadcastPackets;
    public uint OutDiscards;
    public uint OutErrors;

    /// <summary>ifPromiscuousMode: 1 when the interface is in promiscuous mode.</summary>
    public uint PromiscuousMode;

    /// <summary>True when ifStatus says the interface is administratively and operationally up.</summary>
    public readonly bool IsUp => (IfStatus & 3) == 3;
}
