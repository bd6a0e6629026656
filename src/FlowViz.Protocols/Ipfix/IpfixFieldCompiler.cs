using FlowViz.Protocols.NetFlow9;
using IE = FlowViz.Protocols.Ipfix.IpfixInformationElement;

namespace FlowViz.Protocols.Ipfix;

/// <summary>Maps an IPFIX field specifier (IE, enterprise number, length) to the <see cref="TemplateFieldKind"/> it decodes as.</summary>
internal static class IpfixFieldCompiler
{
    /// <summary>
    /// Enterprise-specific IEs (RFC 7011 §3.2, bit 15 set) are skipped by length, except RFC 5103's
    /// reverse counters. Reduced-size encoding (RFC 7011 §6.2) lets integers take 1..8 bytes, so any such
    /// length is accepted; an impossible length makes the field a skipped one, not the template invalid.
    /// </summary>
    public static TemplateFieldKind KindOf(ushort ie, uint enterprise, ushort length)
    {
        var kind = enterprise switch
        {
            0 => StandardKindOf(ie, length),
            IE.ReversePen => ReverseKindOf(ie),
            _ => TemplateFieldKind.Skip,
        };
        return IsValidLength(kind, length) ? kind : TemplateFieldKind.Skip;
    }

    private static TemplateFieldKind StandardKindOf(ushort ie, ushort length) => ie switch
    {
        IE.OctetTotalCount => TemplateFieldKind.BytesTotal,
        IE.PacketTotalCount => TemplateFieldKind.PacketsTotal,
        IE.FlowStartSeconds => TemplateFieldKind.StartSeconds,
        IE.FlowEndSeconds => TemplateFieldKind.EndSeconds,
        IE.FlowStartMilliseconds => TemplateFieldKind.StartMilliseconds,
        IE.FlowEndMilliseconds => TemplateFieldKind.EndMilliseconds,
        IE.FlowStartMicroseconds => TemplateFieldKind.StartMicroseconds,
        IE.FlowEndMicroseconds => TemplateFieldKind.EndMicroseconds,
        IE.FlowStartNanoseconds => TemplateFieldKind.StartNanoseconds,
        IE.FlowEndNanoseconds => TemplateFieldKind.EndNanoseconds,
        IE.FlowStartDeltaMicroseconds => TemplateFieldKind.StartDeltaMicroseconds,
        IE.FlowEndDeltaMicroseconds => TemplateFieldKind.EndDeltaMicroseconds,
        IE.SystemInitTimeMilliseconds => TemplateFieldKind.SystemInitTime,
        IE.SamplerId or IE.SelectorId => TemplateFieldKind.SamplerId,
        IE.SamplerMode or IE.SamplingAlgorithm => TemplateFieldKind.SamplerMode,
        IE.SamplingPacketInterval => TemplateFieldKind.SamplingPacketInterval,
        IE.SamplingPacketSpace => TemplateFieldKind.SamplingPacketSpace,
        IE.SamplingSize => TemplateFieldKind.SamplingSize,
        IE.SamplingPopulation => TemplateFieldKind.SamplingPopulation,
        IE.InterfaceName => TemplateFieldKind.InterfaceName,
        IE.InterfaceDescription => TemplateFieldKind.InterfaceDescription,
        IE.Dot1qVlanId => TemplateFieldKind.SrcVlan,
        // The rest share NetFlow v9's numbering and meaning (RFC 7012 §4: IEs 1..127 are v9's field types).
        _ => TemplateFieldCompiler.KindOf(ie, length),
    };

    // RFC 5103 §6.1: reverse octetDeltaCount etc.; other reverse IEs (times, TTLs…) add nothing FlowViz keeps.
    private static TemplateFieldKind ReverseKindOf(ushort ie) => ie switch
    {
        IE.OctetDeltaCount => TemplateFieldKind.ReverseBytes,
        IE.PacketDeltaCount => TemplateFieldKind.ReversePackets,
        IE.OctetTotalCount => TemplateFieldKind.ReverseBytesTotal,
        IE.PacketTotalCount => TemplateFieldKind.ReversePacketsTotal,
        IE.TcpControlBits => TemplateFieldKind.ReverseTcpFlags,
        _ => TemplateFieldKind.Skip,
    };

    private static bool IsValidLength(TemplateFieldKind kind, ushort length) => kind switch
    {
        TemplateFieldKind.Skip => true,
        // Strings may have any length, variable included (RFC 7011 §6.1.6).
        TemplateFieldKind.InterfaceName or TemplateFieldKind.InterfaceDescription => true,
        // dateTimeMicroseconds/Nanoseconds are 64-bit NTP timestamps and cannot be reduced (RFC 7011 §6.1.9-10).
        TemplateFieldKind.StartMicroseconds or TemplateFieldKind.EndMicroseconds
            or TemplateFieldKind.StartNanoseconds or TemplateFieldKind.EndNanoseconds => length == 8,
        // Addresses, MACs and MPLS labels were checked by TemplateFieldCompiler; the rest are unsigned integers.
        TemplateFieldKind.SrcAddrV4 or TemplateFieldKind.DstAddrV4 or TemplateFieldKind.NextHopV4
            or TemplateFieldKind.SrcAddrV6 or TemplateFieldKind.DstAddrV6 or TemplateFieldKind.NextHopV6
            or TemplateFieldKind.SrcMac or TemplateFieldKind.DstMac or TemplateFieldKind.MplsLabel => true,
        _ => length is >= 1 and <= 8,
    };
}
