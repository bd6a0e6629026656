using System.Buffers.Binary;
using FlowViz.Core.Flows;
using T = FlowViz.Protocols.NetFlow9.NetFlowV9FieldType;

namespace FlowViz.Protocols.NetFlow9;

public sealed partial class NetFlowV9Encoder
{
    /// <summary>
    /// Writes the leading flows that fit as data FlowSets, opening a new FlowSet whenever the address
    /// family changes, and padding each to a 32-bit boundary (RFC 3954 §5.3). Returns flows written.
    /// </summary>
    private static int WriteDataFlowSets(Span<byte> destination, ref int position, ReadOnlySpan<FlowRecord> flows,
        in ExportClock clock)
    {
        var written = 0;
        var setStart = -1;
        var setIsIPv6 = false;
        foreach (ref readonly var flow in flows)
        {
            var isIPv6 = !(flow.SrcAddr.IsIPv4 && flow.DstAddr.IsIPv4);
            var recordLength = isIPv6 ? NetFlowV9EncoderTemplates.IPv6RecordLength : NetFlowV9EncoderTemplates.IPv4RecordLength;
            var opensSet = setStart < 0 || isIPv6 != setIsIPv6;
            var needed = (opensSet ? 4 : 0) + recordLength;
            var end = opensSet && setStart >= 0 ? Align4(position) : position;
            if (Align4(end + needed) > destination.Length)
            {
                break;
            }
            if (opensSet)
            {
                CloseSet(destination, setStart, ref position);
                setStart = position;
                setIsIPv6 = isIPv6;
                BinaryPrimitives.WriteUInt16BigEndian(destination[position..],
                    isIPv6 ? NetFlowV9EncoderTemplates.IPv6TemplateId : NetFlowV9EncoderTemplates.IPv4TemplateId);
                position += 4;
            }
            var fields = isIPv6 ? NetFlowV9EncoderTemplates.IPv6 : NetFlowV9EncoderTemplates.IPv4;
            WriteRecord(destination.Slice(position, recordLength), fields, flow, clock);
            position += recordLength;
            written++;
        }
        CloseSet(destination, setStart, ref position);
        return written;
    }

    private static int Align4(int value) => (value + 3) & ~3;

    private static void CloseSet(Span<byte> destination, int setStart, ref int position)
    {
        if (setStart < 0)
        {
            return;
        }
        var padded = Align4(position);
        destination[position..padded].Clear();
        position = padded;
        BinaryPrimitives.WriteUInt16BigEndian(destination[(setStart + 2)..], (ushort)(position - setStart));
    }

    private static void WriteRecord(Span<byte> record, (ushort Type, ushort Length)[] fields, in FlowRecord flow,
        in ExportClock clock)
    {
        var offset = 0;
        foreach (var (type, length) in fields)
        {
            var value = record.Slice(offset, length);
            switch (type)
            {
                case T.Ipv4SrcAddr: FieldWriter.WriteAddress(value, flow.SrcAddr); break;
                case T.Ipv4DstAddr: FieldWriter.WriteAddress(value, flow.DstAddr); break;
                case T.Ipv4NextHop: FieldWriter.WriteAddress(value, flow.NextHop); break;
                case T.Ipv6SrcAddr: FieldWriter.WriteAddress(value, flow.SrcAddr); break;
                case T.Ipv6DstAddr: FieldWriter.WriteAddress(value, flow.DstAddr); break;
                case T.Ipv6NextHop: FieldWriter.WriteAddress(value, flow.NextHop); break;
                case T.L4SrcPort: FieldWriter.WriteUnsigned(value, flow.SrcPort); break;
                case T.L4DstPort: FieldWriter.WriteUnsigned(value, flow.DstPort); break;
                case T.Protocol: FieldWriter.WriteUnsigned(value, flow.Protocol); break;
                case T.SrcTos: FieldWriter.WriteUnsigned(value, flow.Tos); break;
                case T.TcpFlags: FieldWriter.WriteUnsigned(value, flow.TcpFlags); break;
                case T.InputSnmp: FieldWriter.WriteUnsigned(value, flow.InputInterface); break;
                case T.OutputSnmp: FieldWriter.WriteUnsigned(value, flow.OutputInterface); break;
                case T.InBytes: FieldWriter.WriteUnsigned(value, flow.Bytes); break;
                case T.InPkts: FieldWriter.WriteUnsigned(value, flow.Packets); break;
                case T.FirstSwitched: FieldWriter.WriteUnsigned(value, clock.ToUptime(flow.TimeStart)); break;
                case T.LastSwitched: FieldWriter.WriteUnsigned(value, clock.ToUptime(flow.TimeEnd)); break;
                case T.SrcAs: FieldWriter.WriteUnsigned(value, flow.SrcAs); break;
                case T.DstAs: FieldWriter.WriteUnsigned(value, flow.DstAs); break;
                case T.SrcMask or T.Ipv6SrcMask: FieldWriter.WriteUnsigned(value, flow.SrcMask); break;
                case T.DstMask or T.Ipv6DstMask: FieldWriter.WriteUnsigned(value, flow.DstMask); break;
                case T.Direction: FieldWriter.WriteUnsigned(value, (byte)flow.Direction); break;
                case T.SrcVlan: FieldWriter.WriteUnsigned(value, flow.SrcVlan); break;
                case T.DstVlan: FieldWriter.WriteUnsigned(value, flow.DstVlan); break;
                case T.InSrcMac: FieldWriter.WriteUnsigned(value, flow.SrcMac); break;
                case T.OutDstMac: FieldWriter.WriteUnsigned(value, flow.DstMac); break;
                case T.MplsLabel1: FieldWriter.WriteUnsigned(value, ((ulong)flow.MplsLabel << 4) | 1); break; // bottom of stack
                case T.SamplingInterval: FieldWriter.WriteUnsigned(value, Math.Max(flow.SamplingRate, 1u)); break;
                default: value.Clear(); break;
            }
            offset += length;
        }
    }
}
