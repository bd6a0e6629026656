namespace FlowViz.Protocols.SFlow;

/// <summary>
/// Turns sFlow's interface encodings into the ifIndex a <see cref="Core.Flows.FlowRecord"/> stores,
/// 0 meaning "no interface" as in NetFlow.
/// </summary>
internal static class SFlowInterface
{
    /// <summary>Compact "interface": 2 format bits over a 30-bit value.</summary>
    private const uint CompactInternal = 0x3FFF_FFFF;

    /// <summary>Expanded "interface_expanded" value for the same meaning (errata: "0xFFFFFFFF is the maximum value").</summary>
    private const uint ExpandedInternal = 0xFFFF_FFFF;

    /// <summary>
    /// sflow_version_5.txt, "interface": "The most significant 2 bits are used to indicate the format of
    /// the 30 bit value. format = 0 single interface … The maximum value, 0x3FFFFFFF, indicates that
    /// there is no input or output interface … [the packet] originates or terminates in the device
    /// itself. … The value 0 is used to indicate that the interface is not known. format = 1 packet
    /// discarded (value is a reason code); format = 2 multiple destination interfaces (value is the
    /// number of interfaces)". Only format 0 names an interface; the device itself, a discard and a
    /// multicast fan-out all become 0.
    /// </summary>
    public static uint FromCompact(uint value) =>
        value >> 30 == 0 && value != CompactInternal ? value : 0;

    /// <summary>"struct interface_expanded { unsigned int format; unsigned int value; }" with the same formats.</summary>
    public static uint FromExpanded(uint format, uint value) =>
        format == 0 && value != ExpandedInternal ? value : 0;
}
