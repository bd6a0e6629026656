namespace FlowViz.Core.Flows;

/// <summary>
/// One unidirectional flow as FlowViz stores it: a mutable value type that decoders fill in place
/// (no allocation per record) and the storage layer copies to the database column by column
/// (<see cref="FlowColumns"/>). Counters are as received on the wire; <see cref="SamplingRate"/> says
/// by how much they must be multiplied, so both the raw and the scaled numbers stay visible.
/// </summary>
public struct FlowRecord
{
    /// <summary>When the collector received the datagram (UTC); the time axis of every graph.</summary>
    public DateTime TimeReceived;

    /// <summary>First packet of the flow (UTC). Export time when the record carries no timestamps.</summary>
    public DateTime TimeStart;

    /// <summary>Last packet of the flow (UTC). Export time when the record carries no timestamps.</summary>
    public DateTime TimeEnd;

    /// <summary>Address the datagram came from (the exporter, or the sFlow agent address).</summary>
    public FlowAddress Exporter;

    /// <summary>NetFlow v9 source ID, IPFIX observation domain ID, or sFlow sub-agent ID; 0 for v5.</summary>
    public uint ObservationDomainId;

    public FlowProtocol FlowProtocol;

    public FlowAddress SrcAddr;
    public FlowAddress DstAddr;
    public FlowAddress NextHop;
    public ushort SrcPort;
    public ushort DstPort;

    /// <summary>IP protocol number (6 TCP, 17 UDP, 1 ICMP, 58 ICMPv6…).</summary>
    public byte Protocol;

    /// <summary>Cumulative OR of the TCP flags seen.</summary>
    public byte TcpFlags;

    /// <summary>IPv4 type of service / IPv6 traffic class.</summary>
    public byte Tos;

    public uint InputInterface;
    public uint OutputInterface;

    /// <summary>Octets as received (before sampling is applied).</summary>
    public ulong Bytes;

    /// <summary>Packets as received (before sampling is applied).</summary>
    public ulong Packets;

    /// <summary>1 in N packets were sampled; 1 when the exporter does not sample.</summary>
    public uint SamplingRate;

    public uint SrcAs;
    public uint DstAs;
    public byte SrcMask;
    public byte DstMask;
    public ushort SrcVlan;
    public ushort DstVlan;
    public FlowDirection Direction;

    /// <summary>48-bit MAC address in the low bits; 0 when absent.</summary>
    public ulong SrcMac;

    /// <summary>48-bit MAC address in the low bits; 0 when absent.</summary>
    public ulong DstMac;

    /// <summary>Top MPLS label (20 bits); 0 when absent.</summary>
    public uint MplsLabel;

    /// <summary>Source country (ISO 3166-1 alpha-2, packed by <see cref="CountryCodes"/>); 0 when unknown.</summary>
    public ushort SrcCountry;

    /// <summary>Destination country (ISO 3166-1 alpha-2, packed by <see cref="CountryCodes"/>); 0 when unknown.</summary>
    public ushort DstCountry;

    /// <summary>
    /// The application the flow belongs to (CUFlow's "Service"), named by the enrichment rules; null when no rule
    /// matched. Rules hand out the same string instance for every flow, so setting it allocates nothing. At most
    /// <see cref="MaxApplicationBytes"/> bytes of UTF-8, so the spool and COPY can reserve a fixed size.
    /// </summary>
    public string? Application;

    /// <summary>Where the flow goes relative to the local networks (in, out, internal, transit); Unknown before enrichment.</summary>
    public TrafficDirection TrafficDirection;

    /// <summary>The longest application name, in UTF-8 bytes.</summary>
    public const int MaxApplicationBytes = 31;

    /// <summary>Bytes multiplied by the sampling rate: the traffic the flow stands for.</summary>
    public readonly ulong ScaledBytes => Bytes * Math.Max(SamplingRate, 1u);

    /// <summary>Packets multiplied by the sampling rate.</summary>
    public readonly ulong ScaledPackets => Packets * Math.Max(SamplingRate, 1u);
}
