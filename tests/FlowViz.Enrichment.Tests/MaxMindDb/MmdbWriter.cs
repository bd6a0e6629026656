using System.Buffers.Binary;
using System.Net;
using System.Net.Sockets;
using FlowViz.Core.Filtering;

namespace FlowViz.Enrichment.Tests.MaxMindDb;

/// <summary>
/// Writes MaxMind DB files ("MaxMind DB File Format Specification" 2.0) so the GeoIP tests use databases they made
/// themselves, never downloaded ones. The file is the binary search tree (one node per bit of address prefix, two
/// 24-bit records each: a node number, node_count for "no data", or node_count + 16 + a data-section offset), 16
/// zero bytes, the data section, then "\xAB\xCD\xEFMaxMind.com" and the metadata map. In an IPv6 tree IPv4
/// networks sit under ::/96, where readers look them up.
/// </summary>
internal sealed class MmdbWriter(string databaseType, int ipVersion = 6)
{
    private static readonly byte[] MetadataMarker = [0xAB, 0xCD, 0xEF, .. "MaxMind.com"u8];
    private readonly List<(IPNetwork Network, IReadOnlyDictionary<string, object> Data)> _networks = [];

    public ulong BuildEpoch { get; init; } = 1_790_000_000;

    public MmdbWriter Add(string cidr, IReadOnlyDictionary<string, object> data)
    {
        if (!FilterValues.TryParseNetwork(cidr, out var network, out var reason))
        {
            throw new ArgumentException($"{cidr}: {reason ?? "not a network"}", nameof(cidr));
        }
        if (ipVersion == 4 && network.BaseAddress.AddressFamily != AddressFamily.InterNetwork)
        {
            throw new ArgumentException($"{cidr}: an IPv4 database holds no IPv6 network", nameof(cidr));
        }
        _networks.Add((network, data));
        return this;
    }

    public void WriteTo(string path)
    {
        // Written beside the target and renamed over it, as geoipupdate does, so a reader never sees half a file.
        var temporary = path + ".tmp";
        File.WriteAllBytes(temporary, ToBytes());
        File.Move(temporary, path, overwrite: true);
    }

    public byte[] ToBytes()
    {
        var data = new MmdbDataWriter();
        var root = new TreeNode();
        // Shorter prefixes first: a longer one inserted later splits the shorter one's leaf, so both stay true.
        foreach (var (network, values) in _networks.OrderBy(n => BitsOf(n.Network).Length))
        {
            root.Insert(BitsOf(network), 0, TreeChild.ForData(data.Write(values)));
        }
        var nodes = root.NumberBreadthFirst();
        var tree = new byte[nodes.Count * 6];
        for (var i = 0; i < nodes.Count; i++)
        {
            WriteRecord(tree.AsSpan(i * 6), nodes[i].Left.RecordValue(nodes.Count));
            WriteRecord(tree.AsSpan(i * 6 + 3), nodes[i].Right.RecordValue(nodes.Count));
        }
        var metadata = new MmdbDataWriter();
        metadata.Write(new Dictionary<string, object>
        {
            ["node_count"] = (uint)nodes.Count,
            ["record_size"] = (ushort)24,
            ["ip_version"] = (ushort)ipVersion,
            ["database_type"] = databaseType,
            ["languages"] = new object[] { "en" },
            ["binary_format_major_version"] = (ushort)2,
            ["binary_format_minor_version"] = (ushort)0,
            ["build_epoch"] = BuildEpoch,
            ["description"] = new Dictionary<string, object> { ["en"] = $"FlowViz test {databaseType}" },
        });
        return [.. tree, .. new byte[16], .. data.ToArray(), .. MetadataMarker, .. metadata.ToArray()];
    }

    private bool[] BitsOf(IPNetwork network)
    {
        var bytes = network.BaseAddress.GetAddressBytes();
        var leading = ipVersion == 6 && bytes.Length == 4 ? 96 : 0; // IPv4 in an IPv6 tree: ::a.b.c.d
        var bits = new bool[leading + network.PrefixLength];
        for (var i = 0; i < network.PrefixLength; i++)
        {
            bits[leading + i] = (bytes[i / 8] & (0x80 >> (i % 8))) != 0;
        }
        return bits;
    }

    private static void WriteRecord(Span<byte> destination, uint value)
    {
        if (value >= 1 << 24)
        {
            throw new InvalidOperationException("Too many nodes or too much data for 24-bit records");
        }
        destination[0] = (byte)(value >> 16);
        BinaryPrimitives.WriteUInt16BigEndian(destination[1..], (ushort)value);
    }
}
