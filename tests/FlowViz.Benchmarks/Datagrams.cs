using FlowViz.Core.Flows;
using FlowViz.Protocols;
using FlowViz.Protocols.NetFlow5;

namespace FlowViz.Benchmarks;

/// <summary>The datagrams benchmarked: captured fixtures, plus a full 30-record v5 datagram from the encoder.</summary>
internal static class Datagrams
{
    public static readonly DatagramContext Context =
        new(FlowAddress.Parse("127.0.0.1"), new DateTime(2026, 11, 23, 7, 0, 0, DateTimeKind.Utc));

    public static byte[] Fixture(string relativePath) =>
        File.ReadAllBytes(Path.Combine(AppContext.BaseDirectory, "Fixtures", relativePath));

    /// <summary>A datagram this project captured itself (Datagrams/capture.sh; see README.md).</summary>
    public static byte[] Own(string name) => File.ReadAllBytes(Path.Combine(AppContext.BaseDirectory, "Datagrams", name));

    /// <summary>
    /// softflowd's v5 fixtures hold 29 and 11 records; a full datagram (30, the v5 maximum) is
    /// written by <see cref="NetFlowV5Encoder"/> from plausible IPv4 flows.
    /// </summary>
    public static byte[] FullNetFlowV5()
    {
        var export = new DateTime(2026, 11, 23, 6, 59, 59, DateTimeKind.Utc);
        var flows = new FlowRecord[30];
        for (var i = 0; i < flows.Length; i++)
        {
            flows[i] = new FlowRecord
            {
                TimeStart = export.AddSeconds(-60 + i),
                TimeEnd = export.AddSeconds(-1),
                SrcAddr = FlowAddress.FromIPv4(0x0A00_0000u + (uint)i),
                DstAddr = FlowAddress.FromIPv4(0xC633_6414u),
                NextHop = FlowAddress.FromIPv4(0x0A00_00FEu),
                SrcPort = (ushort)(40000 + i),
                DstPort = 443,
                Protocol = 6,
                TcpFlags = 0x1b,
                Bytes = 1500u * (uint)(i + 1),
                Packets = (uint)(i + 1),
                InputInterface = 1,
                OutputInterface = 2,
            };
        }
        var buffer = new byte[NetFlowV5Encoder.MaxDatagramSize];
        var length = new NetFlowV5Encoder(0, 0).Encode(buffer, flows, export, 3_600_000, false, out _);
        return buffer[..length];
    }
}
