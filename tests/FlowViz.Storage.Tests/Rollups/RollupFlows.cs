using FlowViz.Core.Flows;
using FlowViz.Storage.Tests.Filtering;
using Npgsql;

namespace FlowViz.Storage.Tests.Rollups;

/// <summary>
/// Pseudo-random flows (fixed seed) over three hours from <see cref="T0"/>, with every enrichment dimension varied
/// (all traffic directions, flows without exporter, application or country), some exactly on bucket boundaries,
/// and the interface classes of some of their interfaces.
/// </summary>
public static class RollupFlows
{
    public static readonly DateTimeOffset T0 = new(2026, 3, 2, 0, 0, 0, TimeSpan.Zero);

    /// <summary>Closes every minute of the three hours (settle delay 1 minute): all resolutions complete.</summary>
    public static readonly DateTimeOffset Now = T0.AddHours(3).AddMinutes(1);

    public static readonly string[] Exporters = ["198.51.100.1", "198.51.100.2", "2001:db8:ffff::1"];
    public static readonly uint[] Interfaces = [1, 2, 3, 10];
    public static readonly uint[] AsNumbers = [0, 64_496, 64_497, 64_500, 15_169];
    public static readonly string?[] Countries = [null, "JP", "DE", "US"];
    public static readonly string?[] Applications = [null, "https", "dns", "ssh"];

    /// <summary>(exporter, ifIndex, connectivity, provider, boundary); the other interfaces stay unclassified.</summary>
    public static readonly (string Exporter, uint IfIndex, string Connectivity, string? Provider, string Boundary)[] Classes =
    [
        ("198.51.100.1", 1, "transit", "telia", "external"),
        ("198.51.100.1", 2, "ix", "decix", "external"),
        ("198.51.100.1", 3, "core", null, "internal"),
        ("198.51.100.2", 1, "pni", "google", "external"),
        ("198.51.100.2", 10, "customer", "acme", "external"),
        ("2001:db8:ffff::1", 2, "transit", "cogent", "external"),
    ];

    /// <summary>The flows moved evenly over [<paramref name="from"/>, <paramref name="to"/>), keeping their other fields.</summary>
    public static FlowRecord[] Spread(FlowRecord[] flows, DateTimeOffset from, DateTimeOffset to)
    {
        var step = (to - from).TotalSeconds / flows.Length;
        for (var i = 0; i < flows.Length; i++)
        {
            var received = from.UtcDateTime.AddSeconds(i * step);
            flows[i].TimeReceived = received;
            flows[i].TimeStart = received.AddSeconds(-5);
            flows[i].TimeEnd = received;
        }
        return flows;
    }

    public static FlowRecord[] Generate(int count, int seed)
    {
        var random = new Random(seed);
        return Enumerable.Range(0, count).Select(i => Flow(random, i)).ToArray();
    }

    public static async Task InsertClassesAsync(NpgsqlDataSource dataSource, CancellationToken cancellationToken)
    {
        foreach (var c in Classes)
        {
            await using var command = dataSource.CreateCommand("""
                INSERT INTO interface_classes (if_exporter, if_index, connectivity, provider, boundary) VALUES ($1::inet, $2, $3, $4, $5)
                ON CONFLICT (if_exporter, if_index) DO UPDATE SET connectivity = excluded.connectivity, provider = excluded.provider, boundary = excluded.boundary
                """);
            command.Parameters.Add(new() { Value = c.Exporter });
            command.Parameters.Add(new() { Value = (long)c.IfIndex });
            command.Parameters.Add(new() { Value = c.Connectivity });
            command.Parameters.Add(new() { Value = (object?)c.Provider ?? DBNull.Value });
            command.Parameters.Add(new() { Value = c.Boundary });
            await command.ExecuteNonQueryAsync(cancellationToken);
        }
    }

    private static FlowRecord Flow(Random random, int index)
    {
        // Every 10th flow sits exactly on a 5-minute boundary, the others anywhere (millisecond resolution).
        var offset = index % 10 == 0 ? random.Next(36) * 300.0 : random.Next(10_800_000) / 1000.0;
        var received = T0.UtcDateTime.AddSeconds(offset);
        var v6 = random.Next(4) == 0;
        var addresses = v6 ? FilterPools.IPv6Addresses : FilterPools.IPv4Addresses;
        T Pick<T>(IReadOnlyList<T> pool) => pool[random.Next(pool.Count)];
        return new FlowRecord
        {
            TimeReceived = received,
            TimeStart = received.AddSeconds(-3),
            TimeEnd = received,
            Exporter = random.Next(10) == 0 ? FlowAddress.None : FlowAddress.Parse(Pick(Exporters)),
            FlowProtocol = FlowProtocol.NetFlowV9,
            SrcAddr = random.Next(15) == 0 ? FlowAddress.None : FlowAddress.Parse(Pick(addresses)),
            DstAddr = random.Next(15) == 0 ? FlowAddress.None : FlowAddress.Parse(Pick(addresses)),
            SrcPort = (ushort)Pick(FilterPools.Ports),
            DstPort = (ushort)Pick(FilterPools.Ports),
            Protocol = (byte)Pick(FilterPools.Protocols),
            InputInterface = Pick(Interfaces),
            OutputInterface = Pick(Interfaces),
            Bytes = (ulong)random.Next(40, 1_500_000),
            Packets = (ulong)random.Next(1, 1_000),
            SamplingRate = (uint)Pick(new[] { 0, 1, 10, 1000 }),
            SrcAs = Pick(AsNumbers),
            DstAs = Pick(AsNumbers),
            SrcCountry = CountryCodes.Pack(Pick(Countries)),
            DstCountry = CountryCodes.Pack(Pick(Countries)),
            Application = Pick(Applications),
            TrafficDirection = (TrafficDirection)random.Next(5),
        };
    }
}
