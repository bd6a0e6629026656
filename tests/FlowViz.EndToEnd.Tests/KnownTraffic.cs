namespace FlowViz.EndToEnd.Tests;

/// <summary>
/// The export stream the end-to-end tests send: every softflowd fixture datagram (NetFlow v5 and v9),
/// and the totals nfdump 1.7.1 computes from the same datagrams (nfcapd on 127.0.0.1, then
/// <c>nfdump -R dir -A proto -o "fmt:%pr %fl %pkt %byt"</c>; see tests/FlowViz.Protocols.Tests/Fixtures/README.md).
/// </summary>
public static class KnownTraffic
{
    public const long Flows = 136;
    public const long Packets = 149;
    public const long Bytes = 14_380;

    /// <summary>Per IP protocol: flows, packets, bytes, as nfdump aggregates them.</summary>
    public static readonly IReadOnlyDictionary<string, (long Flows, long Packets, long Bytes)> ByProtocol =
        new Dictionary<string, (long, long, long)>
        {
            ["17"] = (125, 125, 10_520),
            ["6"] = (6, 17, 3_276),
            ["1"] = (4, 6, 504),
            ["58"] = (1, 1, 80),
        };

    /// <summary>v5 first, then v9 with the datagram carrying the templates before the data that needs it.</summary>
    public static IEnumerable<byte[]> Datagrams() =>
        new[]
        {
            "netflow5/softflowd-mixed-1.bin",
            "netflow5/softflowd-bulk-1.bin",
            "netflow5/softflowd-bulk-2.bin",
            "netflow9/softflowd-mixed-1.bin",
            "netflow9/softflowd-bulk-1.bin",
            "netflow9/softflowd-bulk-2.bin",
            "netflow9/softflowd-bulk-3.bin",
            "netflow9/softflowd-bulk-4.bin",
        }.Select(name => File.ReadAllBytes(Path.Combine(AppContext.BaseDirectory, "Fixtures", name)));
}
