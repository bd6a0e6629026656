using FlowViz.Core.Flows;

namespace FlowViz.Protocols.NetFlow9;

public sealed partial class NetFlowV9Decoder
{
    /// <summary>
    /// RFC 3954 §5.3 Data FlowSet: records laid out by the template, back to back, then padding to a
    /// 32-bit boundary. Whatever is left that is shorter than a record is padding. Options data records
    /// are walked the same way but not emitted. Returns the number of flows emitted.
    /// </summary>
    private static int ReadDataFlowSet(ReadOnlySpan<byte> set, NetFlowV9Template template, in NetFlowV9Packet packet,
        IFlowRecordSink sink)
    {
        if (template.IsOptions)
        {
            return 0;
        }
        var fields = template.FieldArray;
        var recordLength = template.RecordLength;
        var count = 0;
        var flow = default(FlowRecord);
        for (var offset = 0; set.Length - offset >= recordLength; offset += recordLength)
        {
            ReadRecord(set.Slice(offset, recordLength), fields, packet, ref flow);
            sink.Add(flow);
            count++;
        }
        return count;
    }

    private static void ReadRecord(ReadOnlySpan<byte> record, TemplateField[] fields, in NetFlowV9Packet packet,
        ref FlowRecord flow)
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
            SamplingRate = 1,
            Direction = FlowDirection.Unknown,
        };
        var icmp = (ushort)0;
        var times = RecordTimes.None;
        foreach (var field in fields)
        {
            var value = record.Slice(field.Offset, field.Length);
            switch (field.Kind)
            {
                case TemplateFieldKind.IcmpType:
                    icmp = (ushort)FlowReader.ReadUnsigned(value);
                    break;
                case TemplateFieldKind.FirstSwitched:
                    flow.TimeStart = packet.Clock.ToUtc((uint)FlowReader.ReadUnsigned(value));
                    times |= RecordTimes.First;
                    break;
                case TemplateFieldKind.LastSwitched:
                    flow.TimeEnd = packet.Clock.ToUtc((uint)FlowReader.ReadUnsigned(value));
                    times |= RecordTimes.Last;
                    break;
                default:
                    NetFlowV9FieldReader.Read(field.Kind, value, ref flow);
                    break;
            }
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

    [Flags]
    private enum RecordTimes : byte
    {
        None = 0,
        First = 1,
        Last = 2,
    }
}
