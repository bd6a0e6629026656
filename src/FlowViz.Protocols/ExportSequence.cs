using FlowViz.Core.Flows;

namespace FlowViz.Protocols;

/// <summary>
/// The sequence number a datagram's header carries, and what it counts, so the collector can tell how
/// much an exporter sent that never arrived. Each protocol counts something different:
/// NetFlow v5 counts flows (flow_sequence: flows seen before this packet), NetFlow v9 counts export
/// packets (RFC 3954 §5.1, per source ID), IPFIX counts data records (RFC 7011 §3.1, per observation
/// domain), sFlow v5 counts datagrams (per agent and sub-agent).
/// </summary>
/// <param name="Protocol">Whose semantics apply.</param>
/// <param name="ObservationDomainId">v9 source ID, IPFIX observation domain, sFlow sub-agent; 0 for v5.</param>
/// <param name="Number">The header's sequence number.</param>
/// <param name="Increment">How far this datagram moves the sequence: flows (v5), 1 (v9, sFlow), data records (IPFIX).</param>
public readonly record struct ExportSequence(FlowProtocol Protocol, uint ObservationDomainId, uint Number, uint Increment)
{
    /// <summary>
    /// The increment of a datagram whose units could not all be counted (IPFIX records of a Set whose
    /// template is unknown): the tracker starts again from the next datagram instead of guessing.
    /// </summary>
    public const uint UnknownIncrement = uint.MaxValue;

    /// <summary>False when the decoder could not read a header (then nothing is tracked).</summary>
    public bool IsPresent => Protocol != FlowProtocol.Unknown;

    /// <summary>What <see cref="Increment"/> counts, for people: "flows", "packets", "records", "datagrams".</summary>
    public static string UnitOf(FlowProtocol protocol) => protocol switch
    {
        FlowProtocol.NetFlowV5 => "flows",
        FlowProtocol.NetFlowV9 => "packets",
        FlowProtocol.Ipfix => "records",
        FlowProtocol.SFlowV5 => "datagrams",
        _ => "",
    };
}
