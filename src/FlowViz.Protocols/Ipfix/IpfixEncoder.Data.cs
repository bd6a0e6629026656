using System.Buffers.Binary;
using FlowViz.Core.Flows;
using T = FlowViz.Protocols.NetFlow9.NetFlowV9FieldType;

namespace FlowViz.Protocols.Ipfix;

public sealed partial class IpfixEncoder
{
    /// <summary>
    /// Writes the leading flows that fit as Data Sets, opening a new Set whenever the address family changes.
    /// Sets are not padded (padding is optional, RFC 7011 §3.3.1). Returns flows written.
    /// </summary>
    private static int WriteDataSets(Span<byte> destination, ref int position, ReadOnlySpan<FlowRecord> flows)
    {
        var written = 0;
        var setStart = -1;
        var setIsIPv6 = false;
        foreach (ref readonly var flow in flows)
        {
            var isIPv6 = !(flow.SrcAddr.IsIPv4 && flow.DstAddr.IsIPv4);
            var recordLength = isIPv6 ? IpfixEncoderTemplates.IPv6RecordLength : IpfixEncoderTemplates.IPv4RecordLength;
            var opensSet = setStart < 0 || isIPv6 != setIsIPv6;
            if (position + (opensSet ? 4 : 0) + recordLength > destination.Length)
            {
                break;
            }
            if (opensSet)
            {
                CloseSet(destination, setStart, position);
                setStart = position;
                setIsIPv6 = isIPv6;
                BinaryPrimitives.WriteUInt16BigEndian(destination[position..],
                    isIPv6 ? IpfixEncoderTemplates.IPv6TemplateId : IpfixEncoderTemplates.IPv4TemplateId);
                position += 4;
            }
            WriteRecord(destination.Slice(position, recordLength), isIPv6 ? IpfixEncoderTemplates.IPv6 : IpfixEncoderTemplates.IPv4, flow);
            position += recordLength;
            written++;
        }
        CloseSet(destination, setStart, position);
        return written;
    }

    private static void CloseSet(Span<byte> destination, int setStart, int position)
    {
        if (setStart >= 0)
        {
            BinaryPrimitives.WriteUInt16BigEndian(destination[(setStart + 2)..], (ushort)(position - setStart));
        }
    }

    private static void WriteRecord(Span<byte> record, (ushort Type, ushort Length)[] fields, in FlowRecord flow)
    {
        var offset = 0;
        foreach (var (type, length) in fields)
        {
            var value = record.Slice(offset, length);
            switch (type)
            {
                case T.Ipv4SrcAddr or T.Ipv6SrcAddr: FieldWriter.WriteAddress(value, flow.SrcAddr); break;
                case T.Ipv4DstAddr or T.Ipv6DstAddr: FieldWriter.WriteAddress(value, flow.DstAddr); break;
                case T.Ipv4NextHop or T.Ipv6NextHop: FieldWriter.WriteAddress(value, flow.NextHop); break;
                case T.L4SrcPort: FieldWriter.WriteUnsigned(value, flow.SrcPort); break;
                case T.L4DstPort: FieldWriter.WriteUnsigned(value, flow.DstPort); break;
                case T.Protocol: FieldWriter.WriteUnsigned(value, flow.Protocol); break;
                case T.SrcTos: FieldWriter.WriteUnsigned(value, flow.Tos); break;
                case T.TcpFlags: FieldWriter.WriteUnsigned(value, flow.TcpFlags); break;
                case T.InputSnmp: FieldWriter.WriteUnsigned(value, flow.InputInterface); break;
                case T.OutputSnmp: FieldWriter.WriteUnsigned(value, flow.OutputInterface); break;
                case T.InBytes: FieldWriter.WriteUnsigned(value, flow.Bytes); break;
                case T.InPkts: FieldWriter.WriteUnsigned(value, flow.Packets); break;
                case T.FlowStartMilliseconds: FieldWriter.WriteUnsigned(value, UnixMilliseconds(flow.TimeStart)); break;
                case T.FlowEndMilliseconds: FieldWriter.WriteUnsigned(value, UnixMilliseconds(flow.TimeEnd)); break;
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

    private static ulong UnixMilliseconds(DateTime utc) => (ulong)((utc.Ticks - DateTime.UnixEpoch.Ticks) / TimeSpan.TicksPerMillisecond);
}
