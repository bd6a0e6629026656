using CsCheck;
using FlowViz.Core.Flows;

namespace FlowViz.Protocols.Tests;

/// <summary>CsCheck generators of flow records as an encoder receives them (times to the millisecond).</summary>
internal static class FlowGen
{
    public static readonly DateTime ExportTime = new(2026, 11, 23, 6, 59, 59, 250, DateTimeKind.Utc);

    private static readonly Gen<FlowAddress> IPv4 = Gen.UInt.Select(FlowAddress.FromIPv4);

    private static readonly Gen<FlowAddress> IPv6 = Gen.Select(Gen.ULong, Gen.ULong, (high, low) => new FlowAddress(high, low));

    /// <summary>Up to an hour before export, to the millisecond.</summary>
    private static readonly Gen<DateTime> Time = Gen.Int[0, 3_600_000].Select(ms => ExportTime.AddMilliseconds(-ms));

    private static readonly Gen<(FlowAddress Src, FlowAddress Dst, FlowAddress NextHop)> IPv4Addresses =
        Gen.Select(IPv4, IPv4, IPv4);

    private static readonly Gen<(FlowAddress Src, FlowAddress Dst, FlowAddress NextHop)> Addresses =
        Gen.Frequency((1, IPv4Addresses), (1, Gen.Select(IPv6, IPv6, IPv6)));

    /// <summary>Any flow NetFlow v9 carries in full: every field within the width of its template field.</summary>
    public static readonly Gen<FlowRecord> V9 =
        from addresses in Addresses
        from times in Gen.Select(Time, Gen.Int[0, 600_000])
        from ports in Gen.Select(Gen.UShort, Gen.UShort, Gen.Byte, Gen.Byte, Gen.Byte)
        from counters in Gen.Select(Gen.ULong, Gen.ULong, Gen.UInt[1, uint.MaxValue], Gen.UInt, Gen.UInt)
        from routing in Gen.Select(Gen.UInt, Gen.UInt, Gen.Byte[0, 128], Gen.Byte[0, 128], Gen.UShort, Gen.UShort)
        from layer2 in Gen.Select(Gen.ULong[0, 0xFFFF_FFFF_FFFF], Gen.ULong[0, 0xFFFF_FFFF_FFFF], Gen.UInt[0, 0xF_FFFF],
            Gen.Enum<FlowDirection>())
        select new FlowRecord
        {
            TimeStart = times.Item1,
            TimeEnd = times.Item1.AddMilliseconds(Math.Min(times.Item2, (ExportTime - times.Item1).TotalMilliseconds)),
            SrcAddr = addresses.Src,
            DstAddr = addresses.Dst,
            NextHop = addresses.NextHop,
            SrcPort = ports.Item1,
            DstPort = ports.Item2,
            Protocol = ports.Item3,
            TcpFlags = ports.Item4,
            Tos = ports.Item5,
            Bytes = counters.Item1,
            Packets = counters.Item2,
            SamplingRate = counters.Item3,
            InputInterface = counters.Item4,
            OutputInterface = counters.Item5,
            SrcAs = routing.Item1,
            DstAs = routing.Item2,
            SrcMask = routing.Item3,
            DstMask = routing.Item4,
            SrcVlan = routing.Item5,
            DstVlan = routing.Item6,
            SrcMac = layer2.Item1,
            DstMac = layer2.Item2,
            MplsLabel = layer2.Item3,
            Direction = layer2.Item4,
        };

    /// <summary>IPv4 flows within NetFlow v5's field widths; the fields v5 lacks keep their defaults.</summary>
    public static readonly Gen<FlowRecord> V5 =
        from flow in V9
        from addresses in IPv4Addresses
        select new FlowRecord
        {
            TimeStart = flow.TimeStart,
            TimeEnd = flow.TimeEnd,
            SrcAddr = addresses.Src,
            DstAddr = addresses.Dst,
            NextHop = addresses.NextHop,
            SrcPort = flow.SrcPort,
            DstPort = flow.DstPort,
            Protocol = flow.Protocol,
            TcpFlags = flow.TcpFlags,
            Tos = flow.Tos,
            Bytes = (uint)flow.Bytes,
            Packets = (uint)flow.Packets,
            InputInterface = (ushort)flow.InputInterface,
            OutputInterface = (ushort)flow.OutputInterface,
            SrcAs = (ushort)flow.SrcAs,
            DstAs = (ushort)flow.DstAs,
            SrcMask = flow.SrcMask,
            DstMask = flow.DstMask,
            Direction = FlowDirection.Unknown,
        };
}
