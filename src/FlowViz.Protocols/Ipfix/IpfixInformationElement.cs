namespace FlowViz.Protocols.Ipfix;

/// <summary>
/// IANA IPFIX Information Element numbers FlowViz reads beyond those it shares with NetFlow v9
/// (RFC 7012 §4 and the IANA "IPFIX Information Elements" registry). Elements 1..127 keep their
/// NetFlow v9 numbers (<see cref="NetFlow9.NetFlowV9FieldType"/>).
/// </summary>
public static class IpfixInformationElement
{
    public const ushort OctetDeltaCount = 1;
    public const ushort PacketDeltaCount = 2;
    public const ushort TcpControlBits = 6;
    public const ushort IngressInterface = 10;
    public const ushort FlowEndSysUpTime = 21;
    public const ushort FlowStartSysUpTime = 22;
    public const ushort SamplingInterval = 34;
    public const ushort SamplingAlgorithm = 35;
    public const ushort SamplerId = 48;
    public const ushort SamplerMode = 49;
    public const ushort SamplerRandomInterval = 50;
    public const ushort InterfaceName = 82;
    public const ushort InterfaceDescription = 83;
    public const ushort OctetTotalCount = 85;
    public const ushort PacketTotalCount = 86;
    public const ushort FlowStartSeconds = 150;
    public const ushort FlowEndSeconds = 151;
    public const ushort FlowStartMilliseconds = 152;
    public const ushort FlowEndMilliseconds = 153;
    public const ushort FlowStartMicroseconds = 154;
    public const ushort FlowEndMicroseconds = 155;
    public const ushort FlowStartNanoseconds = 156;
    public const ushort FlowEndNanoseconds = 157;
    public const ushort FlowStartDeltaMicroseconds = 158;
    public const ushort FlowEndDeltaMicroseconds = 159;
    public const ushort SystemInitTimeMilliseconds = 160;
    public const ushort Dot1qVlanId = 243;
    public const ushort SelectorId = 302;
    public const ushort SamplingPacketInterval = 305;
    public const ushort SamplingPacketSpace = 306;
    public const ushort SamplingSize = 309;
    public const ushort SamplingPopulation = 310;

    /// <summary>RFC 7011 §7: a field length of 65535 announces a variable-length field.</summary>
    public const ushort VariableLength = 65535;

    /// <summary>RFC 5103 §6.1: reverse IEs are the forward IE numbers under this Private Enterprise Number.</summary>
    public const uint ReversePen = 29305;
}
