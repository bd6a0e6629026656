using FlowViz.Core.Flows;

namespace FlowViz.Collector.Tests.Spooling;

/// <summary>Flow records for spool tests: every field set away from its default, and batches of distinguishable flows.</summary>
internal static class SpoolFlows
{
    public static readonly DateTime Received = new(2026, 11, 23, 7, 0, 0, DateTimeKind.Utc);

    public static FlowRecord EveryField => new()
    {
        TimeReceived = Received,
        TimeStart = Received.AddSeconds(-30.1234567),
        TimeEnd = Received.AddTicks(-1),
        Exporter = FlowAddress.Parse("198.51.100.7"),
        ObservationDomainId = uint.MaxValue,
        FlowProtocol = FlowProtocol.Ipfix,
        SrcAddr = FlowAddress.Parse("192.0.2.1"),
        DstAddr = FlowAddress.Parse("2001:db8::ff00:42:8329"),
        NextHop = FlowAddress.Parse("fe80::1"),
        SrcPort = ushort.MaxValue,
        DstPort = 443,
        Protocol = 17,
        TcpFlags = 0x1b,
        Tos = 0xb8,
        InputInterface = 0x0102_0304,
        OutputInterface = 3,
        Bytes = ulong.MaxValue,
        Packets = uint.MaxValue + 1UL,
        SamplingRate = 512,
        SrcAs = uint.MaxValue,
        DstAs = 64_496,
        SrcMask = 24,
        DstMask = 128,
        SrcVlan = ushort.MaxValue,
        DstVlan = 4094,
        Direction = FlowDirection.Egress,
        SrcMac = 0xFFFF_FFFF_FFFF,
        DstMac = 0x0200_5E10_0001,
        MplsLabel = 0xF_FFFF,
        SrcCountry = CountryCodes.Pack("JP"),
        DstCountry = CountryCodes.Pack("NZ"),
        // 31 UTF-8 bytes, the most a name may take, with a multi-byte character at the end.
        Application = "application-name-of-30-bytes-é",
        TrafficDirection = TrafficDirection.Transit,
    };

    /// <summary>A batch whose flows carry (batch, index) in their ports, so a duplicate or a loss is visible.</summary>
    public static FlowRecord[] Batch(int batch, int count) =>
    [
        .. Enumerable.Range(0, count).Select(i =>
        {
            var flow = EveryField;
            flow.SrcPort = (ushort)batch;
            flow.DstPort = (ushort)i;
            return flow;
        }),
    ];
}
