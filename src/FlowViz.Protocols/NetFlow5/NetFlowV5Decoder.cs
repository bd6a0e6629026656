using System.Buffers.Binary;
using FlowViz.Core.Flows;

namespace FlowViz.Protocols.NetFlow5;

/// <summary>
/// Decodes a NetFlow v5 datagram (see <see cref="NetFlowV5Layout"/>) into flow records. Stateless and
/// allocation-free. v5 has no observation domain: records get <see cref="FlowRecord.ObservationDomainId"/>
/// 0 (engine type/id identify a line card, not a domain, and are not stored).
/// </summary>
public static class NetFlowV5Decoder
{
    public static DecodeResult Decode(ReadOnlySpan<byte> datagram, in DatagramContext context, IFlowRecordSink sink)
    {
        if (datagram.Length < NetFlowV5Layout.HeaderLength)
        {
            return DecodeResult.Failed(DecodeStatus.Truncated);
        }
        if (BinaryPrimitives.ReadUInt16BigEndian(datagram) != NetFlowV5Layout.Version)
        {
            return DecodeResult.Failed(DecodeStatus.UnsupportedVersion);
        }
        int count = BinaryPrimitives.ReadUInt16BigEndian(datagram[NetFlowV5Layout.CountOffset..]);
        if (count is 0 or > NetFlowV5Layout.MaxRecords)
        {
            return DecodeResult.Failed(DecodeStatus.Malformed);
        }
        // Trailing bytes beyond count records are tolerated (some exporters pad); fewer are not.
        if (datagram.Length < NetFlowV5Layout.HeaderLength + count * NetFlowV5Layout.RecordLength)
        {
            return DecodeResult.Failed(DecodeStatus.Truncated);
        }

        var clock = ExportClock.ForHeader(
            ExportClock.FromUnixSeconds(
                BinaryPrimitives.ReadUInt32BigEndian(datagram[NetFlowV5Layout.UnixSecsOffset..]),
                BinaryPrimitives.ReadUInt32BigEndian(datagram[NetFlowV5Layout.UnixNsecsOffset..])),
            BinaryPrimitives.ReadUInt32BigEndian(datagram[NetFlowV5Layout.SysUptimeOffset..]),
            context.ReceivedUtc);
        var samplingRate = NetFlowV5Layout.SamplingRateOf(
            BinaryPrimitives.ReadUInt16BigEndian(datagram[NetFlowV5Layout.SamplingIntervalOffset..]));

        var records = datagram[NetFlowV5Layout.HeaderLength..];
        var flow = default(FlowRecord);
        for (var i = 0; i < count; i++)
        {
            ReadRecord(records.Slice(i * NetFlowV5Layout.RecordLength, NetFlowV5Layout.RecordLength), clock, ref flow);
            flow.TimeReceived = context.ReceivedUtc;
            flow.Exporter = context.Exporter;
            flow.SamplingRate = samplingRate;
            sink.Add(flow);
        }
        // flow_sequence counts flows; each engine (line card) keeps its own, so the engine is the stream.
        var engine = (uint)(datagram[NetFlowV5Layout.EngineTypeOffset] << 8 | datagram[NetFlowV5Layout.EngineIdOffset]);
        var sequence = BinaryPrimitives.ReadUInt32BigEndian(datagram[NetFlowV5Layout.FlowSequenceOffset..]);
        return new DecodeResult(DecodeStatus.Ok, count, 0)
        {
            Sequence = new ExportSequence(FlowProtocol.NetFlowV5, engine, sequence, (uint)count),
        };
    }

    private static void ReadRecord(ReadOnlySpan<byte> r, in ExportClock clock, ref FlowRecord flow)
    {
        flow = new FlowRecord
        {
            FlowProtocol = FlowProtocol.NetFlowV5,
            ObservationDomainId = 0,
            Direction = FlowDirection.Unknown,
            SrcAddr = FlowAddress.FromIPv4(r[NetFlowV5Layout.SrcAddr..]),
            DstAddr = FlowAddress.FromIPv4(r[NetFlowV5Layout.DstAddr..]),
            NextHop = FlowAddress.FromIPv4(r[NetFlowV5Layout.NextHop..]),
            InputInterface = BinaryPrimitives.ReadUInt16BigEndian(r[NetFlowV5Layout.Input..]),
            OutputInterface = BinaryPrimitives.ReadUInt16BigEndian(r[NetFlowV5Layout.Output..]),
            Packets = BinaryPrimitives.ReadUInt32BigEndian(r[NetFlowV5Layout.Packets..]),
            Bytes = BinaryPrimitives.ReadUInt32BigEndian(r[NetFlowV5Layout.Octets..]),
            TimeStart = clock.ToUtc(BinaryPrimitives.ReadUInt32BigEndian(r[NetFlowV5Layout.First..])),
            TimeEnd = clock.ToUtc(BinaryPrimitives.ReadUInt32BigEndian(r[NetFlowV5Layout.Last..])),
            SrcPort = BinaryPrimitives.ReadUInt16BigEndian(r[NetFlowV5Layout.SrcPort..]),
            DstPort = BinaryPrimitives.ReadUInt16BigEndian(r[NetFlowV5Layout.DstPort..]),
            TcpFlags = r[NetFlowV5Layout.TcpFlags],
            Protocol = r[NetFlowV5Layout.Protocol],
            Tos = r[NetFlowV5Layout.Tos],
            SrcAs = BinaryPrimitives.ReadUInt16BigEndian(r[NetFlowV5Layout.SrcAs..]),
            DstAs = BinaryPrimitives.ReadUInt16BigEndian(r[NetFlowV5Layout.DstAs..]),
            SrcMask = r[NetFlowV5Layout.SrcMask],
            DstMask = r[NetFlowV5Layout.DstMask],
        };
    }
}
