namespace FlowViz.Protocols.NetFlow9;

/// <summary>Maps a (field type, length) pair from a template to the <see cref="TemplateFieldKind"/> it decodes as.</summary>
internal static class TemplateFieldCompiler
{
    /// <summary>
    /// Integers may have any length from 1 to 8 bytes (RFC 3954 §8 lets the exporter choose, e.g.
    /// IN_BYTES "default is 4, can be 8"); addresses and MACs must have their exact length. Anything else
    /// is skipped by length rather than rejected, so one odd field does not lose the whole flow.
    /// </summary>
    public static TemplateFieldKind KindOf(ushort type, ushort length)
    {
        var kind = type switch
        {
            NetFlowV9FieldType.InBytes => TemplateFieldKind.Bytes,
            NetFlowV9FieldType.InPkts => TemplateFieldKind.Packets,
            NetFlowV9FieldType.Protocol => TemplateFieldKind.Protocol,
            NetFlowV9FieldType.SrcTos => TemplateFieldKind.Tos,
            NetFlowV9FieldType.TcpFlags => TemplateFieldKind.TcpFlags,
            NetFlowV9FieldType.L4SrcPort => TemplateFieldKind.SrcPort,
            NetFlowV9FieldType.L4DstPort => TemplateFieldKind.DstPort,
            NetFlowV9FieldType.Ipv4SrcAddr => TemplateFieldKind.SrcAddrV4,
            NetFlowV9FieldType.Ipv4DstAddr => TemplateFieldKind.DstAddrV4,
            NetFlowV9FieldType.Ipv4NextHop => TemplateFieldKind.NextHopV4,
            NetFlowV9FieldType.Ipv6SrcAddr => TemplateFieldKind.SrcAddrV6,
            NetFlowV9FieldType.Ipv6DstAddr => TemplateFieldKind.DstAddrV6,
            NetFlowV9FieldType.Ipv6NextHop => TemplateFieldKind.NextHopV6,
            NetFlowV9FieldType.SrcMask or NetFlowV9FieldType.Ipv6SrcMask => TemplateFieldKind.SrcMask,
            NetFlowV9FieldType.DstMask or NetFlowV9FieldType.Ipv6DstMask => TemplateFieldKind.DstMask,
            NetFlowV9FieldType.InputSnmp => TemplateFieldKind.InputInterface,
            NetFlowV9FieldType.OutputSnmp => TemplateFieldKind.OutputInterface,
            NetFlowV9FieldType.SrcAs => TemplateFieldKind.SrcAs,
            NetFlowV9FieldType.DstAs => TemplateFieldKind.DstAs,
            NetFlowV9FieldType.FirstSwitched => TemplateFieldKind.FirstSwitched,
            // IPFIX's absolute times in v9 templates: pmacct's nfprobe v9 sends flowStart/EndMilliseconds.
            NetFlowV9FieldType.FlowStartSeconds => TemplateFieldKind.StartSeconds,
            NetFlowV9FieldType.FlowEndSeconds => TemplateFieldKind.EndSeconds,
            NetFlowV9FieldType.FlowStartMilliseconds => TemplateFieldKind.StartMilliseconds,
            NetFlowV9FieldType.FlowEndMilliseconds => TemplateFieldKind.EndMilliseconds,
            NetFlowV9FieldType.LastSwitched => TemplateFieldKind.LastSwitched,
            NetFlowV9FieldType.IcmpType or NetFlowV9FieldType.IcmpTypeCodeIPv6 => TemplateFieldKind.IcmpType,
            NetFlowV9FieldType.SamplingInterval or NetFlowV9FieldType.FlowSamplerRandomInterval
                => TemplateFieldKind.SamplingInterval,
            // Cisco Flexible NetFlow names the sampler of each record; its rate comes from options data.
            NetFlowV9FieldType.FlowSamplerId => TemplateFieldKind.SamplerId,
            NetFlowV9FieldType.InSrcMac or NetFlowV9FieldType.OutSrcMac => TemplateFieldKind.SrcMac,
            NetFlowV9FieldType.OutDstMac or NetFlowV9FieldType.InDstMac => TemplateFieldKind.DstMac,
            NetFlowV9FieldType.SrcVlan => TemplateFieldKind.SrcVlan,
            NetFlowV9FieldType.DstVlan => TemplateFieldKind.DstVlan,
            NetFlowV9FieldType.Direction => TemplateFieldKind.Direction,
            NetFlowV9FieldType.MplsLabel1 => TemplateFieldKind.MplsLabel,
            _ => TemplateFieldKind.Skip,
        };
        return IsValidLength(kind, length) ? kind : TemplateFieldKind.Skip;
    }

    private static bool IsValidLength(TemplateFieldKind kind, ushort length) => kind switch
    {
        TemplateFieldKind.SrcAddrV4 or TemplateFieldKind.DstAddrV4 or TemplateFieldKind.NextHopV4 => length == 4,
        TemplateFieldKind.SrcAddrV6 or TemplateFieldKind.DstAddrV6 or TemplateFieldKind.NextHopV6 => length == 16,
        TemplateFieldKind.SrcMac or TemplateFieldKind.DstMac => length == 6,
        // MPLS_LABEL_1 is 3 bytes: 20-bit label, 3 experimental bits, bottom-of-stack bit.
        TemplateFieldKind.MplsLabel => length == 3,
        _ => length is >= 1 and <= 8,
    };
}
