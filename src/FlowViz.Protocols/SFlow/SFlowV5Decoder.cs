using FlowViz.Core.Flows;

namespace FlowViz.Protocols.SFlow;

/// <summary>
/// Decodes sFlow version 5 datagrams (sflow.org, sflow_version_5.txt) into flow records, one per flow
/// sample, and interface counters, one per generic interface counter record. Stateless, thread-safe
/// and allocation-free.
/// <para>
/// sFlow samples packets instead of metering flows, so each flow sample (formats 0:1 and 0:3) becomes
/// one record with <see cref="FlowRecord.Packets"/> 1, <see cref="FlowRecord.Bytes"/> the sampled
/// frame's length and <see cref="FlowRecord.SamplingRate"/> the sample's 1-in-N rate; the traffic it
/// stands for is <see cref="FlowRecord.ScaledBytes"/>. Choices made where the format leaves room:
/// </para>
/// <list type="bullet">
/// <item><see cref="FlowRecord.Bytes"/> is the raw header's <c>frame_length</c>: "for a layer 2
/// header_protocol, length is total number of octets of data received on the network (excluding
/// framing bits but including FCS octets)". The Ethernet header, any VLAN tags and the FCS are counted,
/// as nfdump's sfcapd counts them, so totals match nfdump's; an sFlow byte is therefore an
/// L2 byte while a NetFlow byte is an L3 byte (18 more per untagged Ethernet frame). Akvorado instead
/// stores the IP length read from the sampled header. Without a raw header, the sampled_ethernet, then
/// the sampled_ipv4/ipv6 <c>length</c> is used (the latter excludes layer 2).</item>
/// <item><see cref="FlowRecord.TimeStart"/> = <see cref="FlowRecord.TimeEnd"/> = receive time: samples
/// carry no timestamp, and the header's uptime only orders datagrams of one agent.</item>
/// <item><see cref="FlowRecord.Exporter"/> is the header's <c>agent_address</c> ("IP address of
/// sampling agent"), falling back to the datagram's source when it is unknown or 0: agents often send
/// from another address than the one they identify by, and relays forward datagrams unchanged. Akvorado
/// does the same; nfdump's sfcapd records the datagram's source instead.</item>
/// <item><see cref="FlowRecord.ObservationDomainId"/> is the header's <c>sub_agent_id</c>, which with the
/// agent address identifies the sFlow sequence-number space. The sample's source_id (the data source's
/// ifIndex) is not stored; it usually equals the input or output interface.</item>
/// </list>
/// </summary>
public static partial class SFlowV5Decoder
{
    /// <summary>"sample_datagram_type … datagram_version = 5": the first 32-bit word of the datagram.</summary>
    public const uint Version = 5;

    /// <summary>
    /// Decodes one datagram, passing each flow sample to <paramref name="sink"/> and, when the sink also
    /// implements <see cref="IInterfaceCounterSink"/>, each generic interface counter record to it.
    /// Samples and records of unknown formats are skipped by their length. A sample whose records do not
    /// fit its declared length is dropped and reported as <see cref="DecodeStatus.Malformed"/>; the other
    /// samples are still decoded, since each one is bounded by its own length.
    /// </summary>
    public static DecodeResult Decode(ReadOnlySpan<byte> datagram, in DatagramContext context, IFlowRecordSink sink)
    {
        var reader = new FlowReader(datagram);
        if (!reader.TryReadUInt32(out var version))
        {
            return DecodeResult.Failed(DecodeStatus.Truncated);
        }
        if (version != Version)
        {
            return DecodeResult.Failed(DecodeStatus.UnsupportedVersion);
        }
        var agentStatus = TryReadAddress(ref reader, out var agent);
        if (agentStatus != DecodeStatus.Ok)
        {
            return DecodeResult.Failed(agentStatus);
        }
        // sub_agent_id, sequence_number, uptime (ms), then the samples<> array length.
        if (!reader.TryReadUInt32(out var subAgentId)
            | !reader.TryReadUInt32(out var sequenceNumber)
            | !reader.TryReadUInt32(out _)
            | !reader.TryReadUInt32(out var sampleCount))
        {
            return DecodeResult.Failed(DecodeStatus.Truncated);
        }

        var packet = new SFlowDatagram(IsUnspecified(agent) ? context.Exporter : agent, subAgentId, context.ReceivedUtc,
            sink as IInterfaceCounterSink, sink as ISampleSequenceSink);
        var status = DecodeStatus.Ok;
        var flows = 0;
        // The datagram sequence number counts datagrams per agent and sub-agent.
        var sequence = new ExportSequence(FlowProtocol.SFlowV5, subAgentId, sequenceNumber, 1);
        // Each sample takes at least 8 bytes, so a bogus count cannot make this loop run long.
        for (var i = 0u; i < sampleCount; i++)
        {
            if (!reader.TryReadUInt32(out var sampleType)
                | !reader.TryReadUInt32(out var sampleLength)
                || !reader.TryReadReader(checked((int)Math.Min(sampleLength, int.MaxValue)), out var sample))
            {
                return new DecodeResult(DecodeStatusOrder.Worst(status, DecodeStatus.Truncated), flows, 0) { Sequence = sequence };
            }
            var sampleStatus = sampleType switch
            {
                SFlowFormat.FlowSample => ReadFlowSample(ref sample, expanded: false, packet, sink, ref flows),
                SFlowFormat.FlowSampleExpanded => ReadFlowSample(ref sample, expanded: true, packet, sink, ref flows),
                SFlowFormat.CounterSample => ReadCounterSample(ref sample, expanded: false, packet),
                SFlowFormat.CounterSampleExpanded => ReadCounterSample(ref sample, expanded: true, packet),
                _ => DecodeStatus.Ok, // other enterprises' and future formats: skipped by their length
            };
            status = DecodeStatusOrder.Worst(status, sampleStatus);
        }
        // Bytes after the declared samples are tolerated, as trailing padding is for NetFlow.
        return new DecodeResult(status, flows, 0) { Sequence = sequence };
    }

    /// <summary>
    /// "union address (address_type type) { case UNKNOWN: void; case IP_V4: ip_v4 ip; case IP_V6: ip_v6 ip; }"
    /// where ip_v4 is opaque[4] and ip_v6 opaque[16]. Unknown yields <see cref="FlowAddress.None"/>.
    /// </summary>
    private static DecodeStatus TryReadAddress(ref FlowReader reader, out FlowAddress address)
    {
        address = FlowAddress.None;
        if (!reader.TryReadUInt32(out var type))
        {
            return DecodeStatus.Truncated;
        }
        switch (type)
        {
            case SFlowFormat.AddressUnknown:
                return DecodeStatus.Ok;
            case SFlowFormat.AddressIPv4 when reader.TryReadSpan(4, out var v4):
                address = FlowAddress.FromIPv4(v4);
                return DecodeStatus.Ok;
            case SFlowFormat.AddressIPv6 when reader.TryReadSpan(16, out var v6):
                address = FlowAddress.FromIPv6(v6);
                return DecodeStatus.Ok;
            case SFlowFormat.AddressIPv4 or SFlowFormat.AddressIPv6:
                return DecodeStatus.Truncated;
            default:
                return DecodeStatus.Malformed;
        }
    }

    private static bool IsUnspecified(FlowAddress address) =>
        address.IsNone || (address.IsIPv4 && address.IPv4Value == 0);

    /// <summary>An XDR "unsigned hyper": a 64-bit big-endian integer.</summary>
    private static bool TryReadUInt64(ref FlowReader reader, out ulong value)
    {
        var ok = reader.TryReadUInt32(out var high) & reader.TryReadUInt32(out var low);
        value = ((ulong)high << 32) | low;
        return ok;
    }
}
