namespace FlowViz.Protocols.NetFlow5;

/// <summary>
/// The fixed NetFlow v5 export format (Cisco, "NetFlow Export Datagram Format", version 5): a 24-byte
/// header followed by <c>count</c> 48-byte flow records, at most 30 per datagram.
/// </summary>
public static class NetFlowV5Layout
{
    public const ushort Version = 5;
    public const int HeaderLength = 24;
    public const int RecordLength = 48;
    public const int MaxRecords = 30;
    public const int MaxDatagramLength = HeaderLength + RecordLength * MaxRecords;

    // Header: version(2) count(2) sys_uptime(4) unix_secs(4) unix_nsecs(4) flow_sequence(4)
    // engine_type(1) engine_id(1) sampling_interval(2).
    internal const int CountOffset = 2;
    internal const int SysUptimeOffset = 4;
    internal const int UnixSecsOffset = 8;
    internal const int UnixNsecsOffset = 12;
    internal const int FlowSequenceOffset = 16;
    internal const int EngineTypeOffset = 20;
    internal const int EngineIdOffset = 21;
    internal const int SamplingIntervalOffset = 22;

    // Record: srcaddr(4) dstaddr(4) nexthop(4) input(2) output(2) dPkts(4) dOctets(4) First(4) Last(4)
    // srcport(2) dstport(2) pad1(1) tcp_flags(1) prot(1) tos(1) src_as(2) dst_as(2) src_mask(1)
    // dst_mask(1) pad2(2).
    internal const int SrcAddr = 0;
    internal const int DstAddr = 4;
    internal const int NextHop = 8;
    internal const int Input = 12;
    internal const int Output = 14;
    internal const int Packets = 16;
    internal const int Octets = 20;
    internal const int First = 24;
    internal const int Last = 28;
    internal const int SrcPort = 32;
    internal const int DstPort = 34;
    internal const int TcpFlags = 37;
    internal const int Protocol = 38;
    internal const int Tos = 39;
    internal const int SrcAs = 40;
    internal const int DstAs = 42;
    internal const int SrcMask = 44;
    internal const int DstMask = 45;

    /// <summary>
    /// The header's sampling_interval: "first two bits hold the sampling mode; remaining 14 bits hold
    /// value of sampling interval". Returns the 1-in-N rate, 1 when the interval is 0 (unsampled).
    /// The mode is not checked: exporters set the interval with mode 0 as well.
    /// </summary>
    public static uint SamplingRateOf(ushort samplingInterval) => Math.Max(1u, samplingInterval & 0x3FFFu);
}
