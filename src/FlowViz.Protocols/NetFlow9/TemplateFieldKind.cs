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
}
