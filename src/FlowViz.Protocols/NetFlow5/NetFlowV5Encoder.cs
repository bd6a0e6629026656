using System.Buffers.Binary;
using FlowViz.Core.Flows;

namespace FlowViz.Protocols.NetFlow5;

/// <summary>
/// Writes NetFlow v5 export datagrams, for the demo exporter simulator and the load generator.
/// v5 carries IPv4 only: IPv6 flows are skipped but counted as consumed, so a caller looping over its
/// flows always advances. Wider values are clamped to the v5 field widths: counters to 32 bits,
/// interface indexes to 16 bits, and AS numbers above 65535 become AS_TRANS 23456 (RFC 6793 §2).
/// Not thread-safe: one encoder per exporter stream.
/// </summary>
public sealed class NetFlowV5Encoder
{
    /// <summary>The largest datagram this encoder writes: a header and 30 records (1464 bytes).</summary>
    public const int MaxDatagramSize = NetFlowV5Layout.MaxDatagramLength;

    private const ushort AsTrans = 23456;
    private readonly byte _engineType;
    private readonly byte _engineId;
    private uint _flowSequence;

    public NetFlowV5Encoder(byte engineType, byte engineId)
    {
        _engineType = engineType;
        _engineId = engineId;
    }

    /// <summary>
    /// The header's sampling_interval as a 1-in-N rate (0 or 1: unsampled); written with sampling mode 1
    /// (deterministic). At most 16383, the 14 bits the field has.
    /// </summary>
    public ushort SamplingInterval { get; init; }

    /// <summary>
    /// Writes one datagram of the leading flows that fit (at most 30 IPv4 records, and as many as
    /// <paramref name="destination"/> holds). flow_sequence counts all flows written before this datagram
    /// (Cisco v5: "sequence counter of total flows seen"). Returns the bytes written, or 0 when the
    /// consumed flows were all IPv6 (nothing to send; <paramref name="flowsWritten"/> still advances).
    /// </summary>
    public int Encode(Span<byte> destination, ReadOnlySpan<FlowRecord> flows, DateTime exportTimeUtc, uint sysUptimeMs,
        bool includeTemplates, out int flowsWritten)
    {
        _ = includeTemplates; // v5 has no templates; the parameter keeps the signature shared with v9.
        var capacity = Math.Min(NetFlowV5Layout.MaxRecords,
            (destination.Length - NetFlowV5Layout.HeaderLength) / NetFlowV5Layout.RecordLength);
        ArgumentOutOfRangeException.ThrowIfLessThan(capacity, 1, nameof(destination));

        var unixTicks = exportTimeUtc.Ticks - DateTime.UnixEpoch.Ticks;
        var seconds = (uint)(unixTicks / TimeSpan.TicksPerSecond);
        var nanoseconds = (uint)(unixTicks % TimeSpan.TicksPerSecond * 100);
        var clock = new ExportClock(ExportClock.FromUnixSeconds(seconds, nanoseconds), sysUptimeMs);

        var count = 0;
        flowsWritten = 0;
        while (flowsWritten < flows.Length && count < capacity)
        {
            ref readonly var flow = ref flows[flowsWritten++];
            if (!flow.SrcAddr.IsIPv4 || !flow.DstAddr.IsIPv4)
            {
                continue;
            }
            var offset = NetFlowV5Layout.HeaderLength + count * NetFlowV5Layout.RecordLength;
            WriteRecord(destination.Slice(offset, NetFlowV5Layout.RecordLength), flow, clock);
            count++;
        }
        if (count == 0)
        {
            return 0;
        }

        var header = destination[..NetFlowV5Layout.HeaderLength];
        BinaryPrimitives.WriteUInt16BigEndian(header, NetFlowV5Layout.Version);
        BinaryPrimitives.WriteUInt16BigEndian(header[NetFlowV5Layout.CountOffset..], (ushort)count);
        BinaryPrimitives.WriteUInt32BigEndian(header[NetFlowV5Layout.SysUptimeOffset..], sysUptimeMs);
        BinaryPrimitives.WriteUInt32BigEndian(header[NetFlowV5Layout.UnixSecsOffset..], seconds);
        BinaryPrimitives.WriteUInt32BigEndian(header[NetFlowV5Layout.UnixNsecsOffset..], nanoseconds);
        BinaryPrimitives.WriteUInt32BigEndian(header[NetFlowV5Layout.FlowSequenceOffset..], _flowSequence);
        header[NetFlowV5Layout.EngineTypeOffset] = _engineType;
        header[NetFlowV5Layout.EngineIdOffset] = _engineId;
        var interval = (ushort)Math.Min(SamplingInterval, (ushort)0x3FFF);
        BinaryPrimitives.WriteUInt16BigEndian(header[NetFlowV5Layout.SamplingIntervalOffset..],
            interval > 1 ? (ushort)(0x4000 | interval) : (ushort)0);
        _flowSequence += (uint)count;
        return NetFlowV5Layout.HeaderLength + count * NetFlowV5Layout.RecordLength;
    }

    private static void WriteRecord(Span<byte> r, in FlowRecord flow, in ExportClock clock)
    {
        r.Clear(); // pad1 and pad2 must be zero
        BinaryPrimitives.WriteUInt32BigEndian(r[NetFlowV5Layout.SrcAddr..], flow.SrcAddr.IPv4Value);
        BinaryPrimitives.WriteUInt32BigEndian(r[NetFlowV5Layout.DstAddr..], flow.DstAddr.IPv4Value);
        BinaryPrimitives.WriteUInt32BigEndian(r[NetFlowV5Layout.NextHop..], flow.NextHop.IsIPv4 ? flow.NextHop.IPv4Value : 0);
        BinaryPrimitives.WriteUInt16BigEndian(r[NetFlowV5Layout.Input..], (ushort)Math.Min(flow.InputInterface, ushort.MaxValue));
        BinaryPrimitives.WriteUInt16BigEndian(r[NetFlowV5Layout.Output..], (ushort)Math.Min(flow.OutputInterface, ushort.MaxValue));
        BinaryPrimitives.WriteUInt32BigEndian(r[NetFlowV5Layout.Packets..], (uint)Math.Min(flow.Packets, uint.MaxValue));
        BinaryPrimitives.WriteUInt32BigEndian(r[NetFlowV5Layout.Octets..], (uint)Math.Min(flow.Bytes, uint.MaxValue));
        BinaryPrimitives.WriteUInt32BigEndian(r[NetFlowV5Layout.First..], clock.ToUptime(flow.TimeStart));
        BinaryPrimitives.WriteUInt32BigEndian(r[NetFlowV5Layout.Last..], clock.ToUptime(flow.TimeEnd));
        BinaryPrimitives.WriteUInt16BigEndian(r[NetFlowV5Layout.SrcPort..], flow.SrcPort);
        BinaryPrimitives.WriteUInt16BigEndian(r[NetFlowV5Layout.DstPort..], flow.DstPort);
        r[NetFlowV5Layout.TcpFlags] = flow.TcpFlags;
        r[NetFlowV5Layout.Protocol] = flow.Protocol;
        r[NetFlowV5Layout.Tos] = flow.Tos;
        BinaryPrimitives.WriteUInt16BigEndian(r[NetFlowV5Layout.SrcAs..], flow.SrcAs > ushort.MaxValue ? AsTrans : (ushort)flow.SrcAs);
        BinaryPrimitives.WriteUInt16BigEndian(r[NetFlowV5Layout.DstAs..], flow.DstAs > ushort.MaxValue ? AsTrans : (ushort)flow.DstAs);
        r[NetFlowV5Layout.SrcMask] = flow.SrcMask;
        r[NetFlowV5Layout.DstMask] = flow.DstMask;
    }
}
