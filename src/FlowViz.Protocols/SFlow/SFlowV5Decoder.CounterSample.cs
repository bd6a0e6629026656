using FlowViz.Core.Counters;

namespace FlowViz.Protocols.SFlow;

public static partial class SFlowV5Decoder
{
    /// <summary>
    /// "struct counters_sample { unsigned int sequence_number; sflow_data_source source_id;
    /// counter_record counters&lt;&gt;; }" (0:2), and counters_sample_expanded (0:4) with a two-word
    /// source_id. Only generic interface counters are read; ethernet (0:2), VLAN, processor and vendor
    /// counter records are skipped by their length. Skipped entirely when nobody wants counters.
    /// </summary>
    private static DecodeStatus ReadCounterSample(ref FlowReader sample, bool expanded, in SFlowDatagram packet)
    {
        if (packet.Counters is null)
        {
            return DecodeStatus.Ok;
        }
        var ok = sample.TryReadUInt32(out _) & sample.TryReadUInt32(out _); // sequence_number, source_id
        if (expanded)
        {
            ok &= sample.TryReadUInt32(out _); // source_id_index
        }
        if (!sample.TryReadUInt32(out var recordCount) || !ok)
        {
            return DecodeStatus.Malformed;
        }
        for (var i = 0u; i < recordCount; i++)
        {
            if (!sample.TryReadUInt32(out var format)
                | !sample.TryReadUInt32(out var length)
                || !sample.TryReadReader(checked((int)Math.Min(length, int.MaxValue)), out var record))
            {
                return DecodeStatus.Malformed;
            }
            if (format != SFlowFormat.GenericInterfaceCounters)
            {
                continue;
            }
            if (!TryReadInterfaceCounters(ref record, packet, out var counters))
            {
                return DecodeStatus.Malformed;
            }
            packet.Counters.Add(counters);
        }
        return DecodeStatus.Ok;
    }

    /// <summary>
    /// "struct if_counters { unsigned int ifIndex; unsigned int ifType; unsigned hyper ifSpeed; unsigned int
    /// ifDirection; unsigned int ifStatus; unsigned hyper ifInOctets; unsigned int ifInUcastPkts; unsigned
    /// int ifInMulticastPkts; unsigned int ifInBroadcastPkts; unsigned int ifInDiscards; unsigned int
    /// ifInErrors; unsigned int ifInUnknownProtos; unsigned hyper ifOutOctets; unsigned int ifOutUcastPkts;
    /// unsigned int ifOutMulticastPkts; unsigned int ifOutBroadcastPkts; unsigned int ifOutDiscards;
    /// unsigned int ifOutErrors; unsigned int ifPromiscuousMode; }" — 88 bytes.
    /// </summary>
    private static bool TryReadInterfaceCounters(ref FlowReader r, in SFlowDatagram packet, out InterfaceCounterRecord c)
    {
        c = new InterfaceCounterRecord
        {
            TimeReceived = packet.ReceivedUtc,
            Exporter = packet.Exporter,
            ObservationDomainId = packet.SubAgentId,
        };
        return r.TryReadUInt32(out c.IfIndex)
            & r.TryReadUInt32(out c.IfType)
            & TryReadUInt64(ref r, out c.IfSpeed)
            & r.TryReadUInt32(out c.IfDirection)
            & r.TryReadUInt32(out c.IfStatus)
            & TryReadUInt64(ref r, out c.InOctets)
            & r.TryReadUInt32(out c.InUcastPackets)
            & r.TryReadUInt32(out c.InMulticastPackets)
            & r.TryReadUInt32(out c.InBroadcastPackets)
            & r.TryReadUInt32(out c.InDiscards)
            & r.TryReadUInt32(out c.InErrors)
            & r.TryReadUInt32(out c.InUnknownProtos)
            & TryReadUInt64(ref r, out c.OutOctets)
            & r.TryReadUInt32(out c.OutUcastPackets)
            & r.TryReadUInt32(out c.OutMulticastPackets)
            & r.TryReadUInt32(out c.OutBroadcastPackets)
            & r.TryReadUInt32(out c.OutDiscards)
            & r.TryReadUInt32(out c.OutErrors)
            & r.TryReadUInt32(out c.PromiscuousMode);
    }
}
