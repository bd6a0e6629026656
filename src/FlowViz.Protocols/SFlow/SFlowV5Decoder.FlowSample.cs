using FlowViz.Core.Flows;

namespace FlowViz.Protocols.SFlow;

public static partial class SFlowV5Decoder
{
    /// <summary>How trustworthy the byte count found so far is: a later, better source overrides it.</summary>
    private enum ByteSource : byte
    {
        None,
        IPLength,
        EthernetLength,
        FrameLength,
    }

    /// <summary>
    /// "struct flow_sample { unsigned int sequence_number; sflow_data_source source_id; unsigned int
    /// sampling_rate; unsigned int sample_pool; unsigned int drops; interface input; interface output;
    /// flow_record flow_records&lt;&gt;; }" (0:1), and flow_sample_expanded (0:3), where source_id, input
    /// and output are two words each ("sflow_data_source_expanded", "interface_expanded").
    /// </summary>
    private static DecodeStatus ReadFlowSample(ref FlowReader sample, bool expanded, in SFlowDatagram packet,
        IFlowRecordSink sink, ref int flows)
    {
        if (!TryReadFlowSampleFields(ref sample, expanded, out var sequence, out var samplingRate, out var input, out var output)
            || !sample.TryReadUInt32(out var recordCount))
        {
            return DecodeStatus.Malformed; // the sample's own length is too short for its fixed fields
        }
        packet.Samples?.SampleSequence(packet.Exporter, packet.SubAgentId, sequence.SourceId, sequence.Number);

        var flow = new FlowRecord
        {
            TimeReceived = packet.ReceivedUtc,
            TimeStart = packet.ReceivedUtc,
            TimeEnd = packet.ReceivedUtc,
            Exporter = packet.Exporter,
            ObservationDomainId = packet.SubAgentId,
            FlowProtocol = FlowProtocol.SFlowV5,
            InputInterface = input,
            OutputInterface = output,
            Packets = 1,
            // "sampling_rate: sFlowPacketSamplingRate" (1 in N); 0 is not a rate, so it counts as unsampled.
            SamplingRate = Math.Max(samplingRate, 1u),
            Direction = FlowDirection.Unknown,
        };
        var bytes = ByteSource.None;
        for (var i = 0u; i < recordCount; i++)
        {
            if (!sample.TryReadUInt32(out var format)
                | !sample.TryReadUInt32(out var length)
                || !sample.TryReadReader(checked((int)Math.Min(length, int.MaxValue)), out var record)
                || !ReadFlowRecord(format, ref record, ref flow, ref bytes))
            {
                return DecodeStatus.Malformed;
            }
        }
        sink.Add(flow);
        flows++;
        return DecodeStatus.Ok;
    }

    private static bool TryReadFlowSampleFields(ref FlowReader sample, bool expanded, out (uint Number, uint SourceId) sequence,
        out uint samplingRate, out uint input, out uint output)
    {
        bool ok = sample.TryReadUInt32(out var number) // sequence_number
            & sample.TryReadUInt32(out var sourceId); // source_id (type << 24 | index), or its type when expanded
        if (expanded)
        {
            ok &= sample.TryReadUInt32(out var index); // source_id_index
            sourceId = sourceId << 24 | (index & 0x00FF_FFFF); // the compact form, so both name a source alike
        }
        sequence = (number, sourceId);
        ok &= sample.TryReadUInt32(out samplingRate)
            & sample.TryReadUInt32(out _) // sample_pool
            & sample.TryReadUInt32(out _); // drops
        if (expanded)
        {
            ok &= sample.TryReadUInt32(out var inFormat) & sample.TryReadUInt32(out var inValue)
                & sample.TryReadUInt32(out var outFormat) & sample.TryReadUInt32(out var outValue);
            input = SFlowInterface.FromExpanded(inFormat, inValue);
            output = SFlowInterface.FromExpanded(outFormat, outValue);
        }
        else
        {
            ok &= sample.TryReadUInt32(out var inValue) & sample.TryReadUInt32(out var outValue);
            input = SFlowInterface.FromCompact(inValue);
            output = SFlowInterface.FromCompact(outValue);
        }
        return ok;
    }

    /// <summary>
    /// One "flow_record { data_format flow_format; opaque flow_data&lt;&gt;; }", bounded by its length.
    /// False when the record is shorter than its format's fixed fields.
    /// </summary>
    private static bool ReadFlowRecord(uint format, ref FlowReader record, ref FlowRecord flow, ref ByteSource bytes) =>
        format switch
        {
            SFlowFormat.SampledHeader => ReadSampledHeader(ref record, ref flow, ref bytes),
            SFlowFormat.SampledEthernet => ReadSampledEthernet(ref record, ref flow, ref bytes),
            SFlowFormat.SampledIPv4 => ReadSampledIP(ref record, 4, ref flow, ref bytes),
            SFlowFormat.SampledIPv6 => ReadSampledIP(ref record, 16, ref flow, ref bytes),
            SFlowFormat.ExtendedSwitch => ReadExtendedSwitch(ref record, ref flow),
            SFlowFormat.ExtendedRouter => ReadExtendedRouter(ref record, ref flow),
            SFlowFormat.ExtendedGateway => ReadExtendedGateway(ref record, ref flow),
            _ => true, // e.g. extended_user, extended_mpls, vendor records: not stored
        };

    /// <summary>
    /// "struct sampled_header { header_protocol protocol; unsigned int frame_length; unsigned int stripped;
    /// opaque header&lt;&gt;; }". The header bytes are the start of the sampled frame, often cut short
    /// (128 bytes is the common default); <see cref="SampledHeaderDecoder"/> takes what is there.
    /// </summary>
    private static bool ReadSampledHeader(ref FlowReader record, ref FlowRecord flow, ref ByteSource bytes)
    {
        if (!record.TryReadUInt32(out var protocol)
            | !record.TryReadUInt32(out var frameLength)
            | !record.TryReadUInt32(out _) // stripped: FCS and removed encapsulations, already in frame_length
            | !record.TryReadUInt32(out var headerLength)
            || !record.TryReadSpan(checked((int)Math.Min(headerLength, int.MaxValue)), out var header))
        {
            return false;
        }
        SetBytes(ref flow, ref bytes, ByteSource.FrameLength, frameLength);
        switch (protocol)
        {
            case SFlowFormat.HeaderProtocolEthernet:
                SampledHeaderDecoder.DecodeEthernet(header, ref flow);
                break;
            case SFlowFormat.HeaderProtocolIPv4:
                SampledHeaderDecoder.DecodeIPv4(header, ref flow);
                break;
            case SFlowFormat.HeaderProtocolIPv6:
                SampledHeaderDecoder.DecodeIPv6(header, ref flow);
                break;
        }
        return true; // other header protocols (token ring, PPP…) still count their frame_length
    }

    /// <summary>
    /// "struct sampled_ethernet { unsigned int length; mac src_mac; mac dst_mac; unsigned int type; }":
    /// a mac is opaque[6], padded to 8 bytes in XDR. length includes the FCS, like frame_length.
    /// </summary>
    private static bool ReadSampledEthernet(ref FlowReader record, ref FlowRecord flow, ref ByteSource bytes)
    {
        if (!record.TryReadUInt32(out var length)
            | !record.TryReadSpan(8, out var srcMac)
            | !record.TryReadSpan(8, out var dstMac)
            | !record.TryReadUInt32(out _))
        {
            return false;
        }
        SetBytes(ref flow, ref bytes, ByteSource.EthernetLength, length);
        flow.SrcMac = SampledHeaderDecoder.ReadMac(srcMac);
        flow.DstMac = SampledHeaderDecoder.ReadMac(dstMac);
        return true;
    }

    /// <summary>
    /// "struct sampled_ipv4 { unsigned int length; unsigned int protocol; ip_v4 src_ip; ip_v4 dst_ip;
    /// unsigned int src_port; unsigned int dst_port; unsigned int tcp_flags; unsigned int tos; }" and
    /// sampled_ipv6 (ip_v6 addresses, "priority" for tos). length is "the length of the IP packet
    /// excluding lower layer encapsulations".
    /// </summary>
    private static bool ReadSampledIP(ref FlowReader record, int addressLength, ref FlowRecord flow, ref ByteSource bytes)
    {
        if (!record.TryReadUInt32(out var length)
            | !record.TryReadUInt32(out var protocol)
            | !record.TryReadSpan(addressLength, out var src)
            | !record.TryReadSpan(addressLength, out var dst)
            | !record.TryReadUInt32(out var srcPort)
            | !record.TryReadUInt32(out var dstPort)
            | !record.TryReadUInt32(out var tcpFlags)
            | !record.TryReadUInt32(out var tos))
        {
            return false;
        }
        SetBytes(ref flow, ref bytes, ByteSource.IPLength, length);
        flow.SrcAddr = addressLength == 4 ? FlowAddress.FromIPv4(src) : FlowAddress.FromIPv6(src);
        flow.DstAddr = addressLength == 4 ? FlowAddress.FromIPv4(dst) : FlowAddress.FromIPv6(dst);
        flow.Protocol = (byte)protocol;
        flow.SrcPort = (ushort)srcPort;
        flow.DstPort = (ushort)dstPort;
        flow.TcpFlags = (byte)tcpFlags;
        flow.Tos = (byte)tos;
        return true;
    }

    private static void SetBytes(ref FlowRecord flow, ref ByteSource current, ByteSource source, uint value)
    {
        if (source >= current)
        {
            flow.Bytes = value;
            current = source;
        }
    }
}
