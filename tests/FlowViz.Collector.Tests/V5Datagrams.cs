using System.Buffers.Binary;
using FlowViz.Core.Flows;
using FlowViz.Protocols.NetFlow5;

namespace FlowViz.Collector.Tests;

/// <summary>NetFlow v5 datagrams of known content, made with the project's encoder.</summary>
internal static class V5Datagrams
{
    public const int FlowsPerDatagram = 30;

    /// <summary>Datagram number <paramref name="index"/> of one exporter's stream (flow_sequence = index × 30).</summary>
    public static byte[] Full(int index)
    {
        var exportTime = new DateTime(2026, 11, 23, 6, 0, 0, DateTimeKind.Utc).AddSeconds(index);
        var flows = Enumerable.Range(0, FlowsPerDatagram).Select(i => new FlowRecord
        {
            SrcAddr = FlowAddress.FromIPv4(0xC0A8_0100u + (uint)i),
            DstAddr = FlowAddress.FromIPv4(0xC633_6401u),
            SrcPort = (ushort)(40_000 + i),
            DstPort = 443,
            Protocol = 6,
            Bytes = 1_000 + (ulong)i,
            Packets = 2,
            TimeStart = exportTime.AddSeconds(-10),
            TimeEnd = exportTime.AddSeconds(-1),
            SamplingRate = 1,
        }).ToArray();
        var buffer = new byte[2048];
        var length = new NetFlowV5Encoder(0, 0).Encode(buffer, flows, exportTime, sysUptimeMs: 3_600_000, includeTemplates: false, out var written);
        Assert.Equal(FlowsPerDatagram, written);
        // As if one exporter had sent datagrams 0, 1, 2… in turn: flow_sequence counts the flows before this one.
        BinaryPrimitives.WriteUInt32BigEndian(buffer.AsSpan(16), (uint)(index * FlowsPerDatagram));
        return buffer[..length];
    }
}
