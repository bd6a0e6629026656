using System.Runtime.CompilerServices;
using FlowViz.Core.Flows;
using FlowViz.Protocols.OptionsData;

namespace FlowViz.Protocols.NetFlow9;

public sealed partial class NetFlowV9Decoder
{
    /// <summary>
    /// RFC 3954 §5.3 Data FlowSet: records laid out by the template, back to back, then padding to a
    /// 32-bit boundary. Whatever is left that is shorter than a record is padding. Options data records
    /// are walked the same way but not emitted: their sampler and interface names are remembered
    /// (§6.2). Returns the number of flows emitted.
    /// </summary>
    // Not inlined into ReadFlowSet: its record buffer would then be zeroed for every FlowSet, template ones too.
    [MethodImpl(MethodImplOptions.NoInlining)]
    private int ReadDataFlowSet(ReadOnlySpan<byte> set, NetFlowV9Template template, in NetFlowV9Packet packet,
        ref DatagramLookups lookups, IFlowRecordSink sink)
    {
        var fields = template.FieldArray;
        var recordLength = template.RecordLength;
        if (template.IsOptions)
        {
            lookups.Forget(); // the options may announce the domain's first sampler
            for (var offset = 0; set.Length - offset >= recordLength; offset += recordLength)
            {
                ReadOptionsRecord(set.Slice(offset, recordLength), fields, packet, sink);
            }
            return 0;
        }
        // The domain's samplers, if options data announced any.
        var samplers = lookups.Domain(packet.Exporter, FlowProtocol.NetFlowV9, packet.SourceId);
        var count = 0;
        var flow = default(FlowRecord);
        for (var offset = 0; set.Length - offset >= recordLength; offset += recordLength)
        {
            ReadRecord(set.Slice(offset, recordLength), fields, packet, samplers, ref flow);
            sink.Add(flow);
            count++;
        }
        return count;
    }

    private void ReadOptionsRecord(ReadOnlySpan<byte> record, TemplateField[] fields, in NetFlowV9Packet packet,
        IFlowRecordSink sink)
    {
        var options = default(OptionsRecord);
        foreach (var field in fields)
        {
            options.Read(field.Kind, record.Slice(field.Offset, field.Length));
        }
        options.Apply(_options, sink, packet.Exporter, FlowProtocol.NetFlowV9, packet.SourceId);
    }

    private static void ReadRecord(ReadOnlySpan<byte> record, TemplateField[] fields, in NetFlowV9Packet packet,
        ExporterDomainOptions? samplers, ref FlowRecord flow)
    {
        var exportTime = packet.Clock.ExportTimeUtc;
        flow = new FlowRecord
        {
            TimeReceived = packet.ReceivedUtc,
            TimeStart = exportTime,
            TimeEnd = exportTime,
            Exporter = packet.Exporter,
            ObservationDomainId = packet.SourceId,
            FlowProtocol = FlowProtocol.NetFlowV9,
            SamplingRate = 0, // set below: the record's own rate, else its sampler's from options data, else 1
            Direction = FlowDirection.Unknown,
        };
        var icmp = (ushort)0;
        var times = RecordTimes.None;
        var samplerId = (ulong?)null;
        foreach (var field in fields)
        {
            var value = record.Slice(field.Offset, field.Length);
            var number = NetFlowV9FieldReader.Number(value);
            switch (field.Kind)
            {
                case TemplateFieldKind.IcmpType:
                    icmp = (ushort)number;
                    break;
                case TemplateFieldKind.SamplerId:
                    samplerId = number;
                    break;
                case TemplateFieldKind.StartSeconds or TemplateFieldKind.StartMilliseconds
                    when AbsoluteTime(field.Kind, number, out var start):
                    flow.TimeStart = start;
                    times |= RecordTimes.First;
                    break;
                case TemplateFieldKind.EndSeconds or TemplateFieldKind.EndMilliseconds
                    when AbsoluteTime(field.Kind, number, out var end):
                    flow.TimeEnd = end;
                    times |= RecordTimes.Last;
                    break;
                case TemplateFieldKind.FirstSwitched:
                    flow.TimeStart = packet.Clock.ToUtc((uint)number);
                    times |= RecordTimes.First;
                    break;
                case TemplateFieldKind.LastSwitched:
                    flow.TimeEnd = packet.Clock.ToUtc((uint)number);
                    times |= RecordTimes.Last;
                    break;
                default:
                    NetFlowV9FieldReader.Store(field.Kind, value, number, ref flow);
                    break;
            }
        }
        if (flow.SamplingRate == 0)
        {
            var rate = samplers?.RateFor(samplerId.HasValue, samplerId.GetValueOrDefault()) ?? 0;
            flow.SamplingRate = Math.Max(rate, 1u);
        }
        // ICMP_TYPE (type × 256 + code) goes where v5 and NfSen put it: the destination port.
        if (icmp != 0 && flow.SrcPort == 0 && flow.DstPort == 0)
        {
            flow.DstPort = icmp;
        }
        // A record with only one of the two timestamps gets a zero-length flow rather than one that ends
        // before it starts.
        if (times == RecordTimes.First)
        {
            flow.TimeEnd = flow.TimeStart;
        }
        else if (times == RecordTimes.Last)
        {
            flow.TimeStart = flow.TimeEnd;
        }
    }

    private static bool AbsoluteTime(TemplateFieldKind kind, ulong number, out DateTime time) =>
        kind is TemplateFieldKind.StartSeconds or TemplateFieldKind.EndSeconds
            ? Ipfix.IpfixTime.TryFromUnixSeconds(number, out time)
            : Ipfix.IpfixTime.TryFromUnixMilliseconds(number, out time);

    [Flags]
    private enum RecordTimes : byte
    {
        None = 0,
        First = 1,
        Last = 2,
    }
}
