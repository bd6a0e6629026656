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
                case T.Ipv4SrcAddr or T.Ipv6SrcAddr: WriteAddress(value, flow.SrcAddr); break;
                case T.Ipv4DstAddr or T.Ipv6DstAddr: WriteAddress(value, flow.DstAddr); break;
                case T.Ipv4NextHop or T.Ipv6NextHop: WriteAddress(value, flow.NextHop); break;
                case T.L4SrcPort: WriteUnsigned(value, flow.SrcPort); break;
                case T.L4DstPort: WriteUnsigned(value, flow.DstPort); break;
                case T.Protocol: WriteUnsigned(value, flow.Protocol); break;
                case T.SrcTos: WriteUnsigned(value, flow.Tos); break;
                case T.TcpFlags: WriteUnsigned(value, flow.TcpFlags); break;
                case T.InputSnmp: WriteUnsigned(value, flow.InputInterface); break;
                case T.OutputSnmp: WriteUnsigned(value, flow.OutputInterface); break;
                case T.InBytes: WriteUnsigned(value, flow.Bytes); break;
                case T.InPkts: WriteUnsigned(value, flow.Packets); break;
                case T.FlowStartMilliseconds: WriteUnsigned(value, UnixMilliseconds(flow.TimeStart)); break;
                case T.FlowEndMilliseconds: WriteUnsigned(value, UnixMilliseconds(flow.TimeEnd)); break;
                case T.SrcAs: WriteUnsigned(value, flow.SrcAs); break;
                case T.DstAs: WriteUnsigned(value, flow.DstAs); break;
                case T.SrcMask or T.Ipv6SrcMask: WriteUnsigned(value, flow.SrcMask); break;
                case T.DstMask or T.Ipv6DstMask: WriteUnsigned(value, flow.DstMask); break;
                case T.Direction: WriteUnsigned(value, (byte)flow.Direction); break;
                case T.SrcVlan: WriteUnsigned(value, flow.SrcVlan); break;
                case T.DstVlan: WriteUnsigned(value, flow.DstVlan); break;
                case T.InSrcMac: WriteUnsigned(value, flow.SrcMac); break;
                case T.OutDstMac: WriteUnsigned(value, flow.DstMac); break;
                case T.MplsLabel1: WriteUnsigned(value, ((ulong)flow.MplsLabel << 4) | 1); break; // bottom of stack
                case T.SamplingInterval: WriteUnsigned(value, Math.Max(flow.SamplingRate, 1u)); break;
                default: value.Clear(); break;
            }
            offset += length;
        }
    }

    private static ulong UnixMilliseconds(DateTime utc) => (ulong)((utc.Ticks - DateTime.UnixEpoch.Ticks) / TimeSpan.TicksPerMillisecond);

    private static void WriteAddress(Span<byte> destination, FlowAddress address)
    {
        if (destination.Length == 4)
        {
            BinaryPrimitives.WriteUInt32BigEndian(destination, address.IsIPv4 ? address.IPv4Value : 0);
        }
        else
        {
            address.WriteIPv6(destination);
        }
    }

    /// <summary>Writes the low <c>destination.Length</c> bytes of <paramref name="value"/>, big-endian (reduced-size encoding, RFC 7011 §6.2).</summary>
    private static void WriteUnsigned(Span<byte> destination, ulong value)
    {
        for (var i = destination.Length - 1; i >= 0; i--)
        {
            destination[i] = (byte)value;
            value >>= 8;
        }
    }
}
