namespace FlowViz.Protocols.NetFlow9;

/// <summary>
/// What a template field is decoded into. Compiled once per template from the field type and length,
/// so decoding a data record is a switch over this byte, with no lookup by field type.
/// </summary>
public enum TemplateFieldKind : byte
{
    /// <summary>Not stored (unknown type, or a length the type cannot have); only its length matters.</summary>
    Skip = 0,
    Bytes,
    Packets,
    Protocol,
    Tos,
    TcpFlags,
    SrcPort,
    DstPort,
    SrcAddrV4,
    DstAddrV4,
    NextHopV4,
    SrcAddrV6,
    DstAddrV6,
    NextHopV6,
    SrcMask,
    DstMask,
    InputInterface,
    OutputInterface,
    SrcAs,
    DstAs,
    FirstSwitched,
    LastSwitched,
    IcmpType,
    SamplingInterval,
    SrcMac,
    DstMac,
    SrcVlan,
    DstVlan,
    Direction,
    MplsLabel,

    // IPFIX (RFC 7011/7012) and options-data kinds; v9 uses the few that share its numbering. Keep them
    // after MplsLabel, BytesTotal first: IpfixRecord treats every kind from BytesTotal on as its own.

    /// <summary>octetTotalCount (85): used only when the record has no octetDeltaCount.</summary>
    BytesTotal,

    /// <summary>packetTotalCount (86): used only when the record has no packetDeltaCount.</summary>
    PacketsTotal,
    StartSeconds,
    EndSeconds,
    StartMilliseconds,
    EndMilliseconds,

    /// <summary>flowStartMicroseconds (154): NTP timestamp format (RFC 7011 §6.1.9).</summary>
    StartMicroseconds,
    EndMicroseconds,

    /// <summary>flowStartNanoseconds (156): NTP timestamp format (RFC 7011 §6.1.10).</summary>
    StartNanoseconds,
    EndNanoseconds,

    /// <summary>flowStartDeltaMicroseconds (158): microseconds before the message's export time.</summary>
    StartDeltaMicroseconds,
    EndDeltaMicroseconds,

    /// <summary>systemInitTimeMilliseconds (160): the epoch of flowStart/EndSysUpTime (22/21).</summary>
    SystemInitTime,

    /// <summary>FLOW_SAMPLER_ID / samplerId (48) or selectorId (302).</summary>
    SamplerId,

    /// <summary>FLOW_SAMPLER_MODE / samplerMode (49), or samplingAlgorithm (35): informational.</summary>
    SamplerMode,
    SamplingPacketInterval,
    SamplingPacketSpace,
    SamplingSize,
    SamplingPopulation,

    /// <summary>interfaceName (82): a string, read from options data only.</summary>
    InterfaceName,

    /// <summary>interfaceDescription (83): a string, read from options data only.</summary>
    InterfaceDescription,

    /// <summary>RFC 5103 reverse octetDeltaCount (enterprise 29305, IE 1).</summary>
    ReverseBytes,
    ReversePackets,
    ReverseBytesTotal,
    ReversePacketsTotal,
    ReverseTcpFlags,
}
