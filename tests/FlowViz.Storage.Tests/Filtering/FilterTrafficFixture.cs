using FlowViz.Core.Flows;
using FlowViz.Core.Queries;
using FlowViz.Storage.Queries;
using FlowViz.Storage.Tests.Infrastructure;
using Npgsql;

namespace FlowViz.Storage.Tests.Filtering;

/// <summary>
/// A database holding <see cref="Count"/> pseudo-random flows (fixed seed) inside <see cref="Window"/>, whose
/// field values come from the small pools in <see cref="FilterPools"/>, so that random filters built from the
/// same pools match some flows and miss others.
/// </summary>
public sealed class FilterTrafficFixture(PostgresServerFixture server) : IAsyncLifetime
{
    public const int Count = 400;

    public static readonly DateTimeOffset T0 = new(2026, 2, 1, 12, 0, 0, TimeSpan.Zero);

    public static readonly TimeRange Window = new(T0, T0.AddHours(1));

    private readonly MigratedDatabaseFixture _database = new(server);

    public IReadOnlyList<FlowRecord> Flows { get; private set; } = [];

    public NpgsqlDataSource DataSource => _database.DataSource;

    public TrafficQueries Queries => new(_database.DataSource);

    public async ValueTask InitializeAsync()
    {
        await _database.InitializeAsync();
        var random = new Random(20261123);
        Flows = Enumerable.Range(0, Count).Select(i => Flow(random, i)).ToArray();
        await _database.CreateWriter().WriteAsync(Flows.ToArray(), TestContext.Current.CancellationToken);
    }

    public ValueTask DisposeAsync() => _database.DisposeAsync();

    private static FlowRecord Flow(Random random, int index)
    {
        var received = T0.UtcDateTime.AddSeconds(index * 3600.0 / Count);
        var v6 = random.Next(4) == 0;
        var addresses = v6 ? FilterPools.IPv6Addresses : FilterPools.IPv4Addresses;
        T Pick<T>(IReadOnlyList<T> pool) => pool[random.Next(pool.Count)];
        return new FlowRecord
        {
            TimeReceived = received,
            TimeStart = received.AddSeconds(-5),
            TimeEnd = received,
            // Some flows lack an address: NULL in the table, FlowAddress.None in memory.
            Exporter = random.Next(10) == 0 ? FlowAddress.None : FlowAddress.Parse(Pick(FilterPools.Exporters)),
            FlowProtocol = FlowProtocol.NetFlowV9,
            SrcAddr = random.Next(12) == 0 ? FlowAddress.None : FlowAddress.Parse(Pick(addresses)),
            DstAddr = random.Next(12) == 0 ? FlowAddress.None : FlowAddress.Parse(Pick(addresses)),
            SrcPort = (ushort)Pick(FilterPools.Ports),
            DstPort = (ushort)Pick(FilterPools.Ports),
            Protocol = (byte)Pick(FilterPools.Protocols),
            TcpFlags = (byte)random.Next(256),
            Tos = (byte)Pick(FilterPools.Tos),
            InputInterface = (uint)Pick(FilterPools.Interfaces),
            OutputInterface = (uint)Pick(FilterPools.Interfaces),
            Bytes = (ulong)Pick(FilterPools.Counts) * (ulong)random.Next(1, 40),
            Packets = (ulong)random.Next(1, 200),
            SamplingRate = (uint)random.Next(3) * 5,
            SrcAs = (uint)Pick(FilterPools.AsNumbers),
            DstAs = (uint)Pick(FilterPools.AsNumbers),
            SrcVlan = (ushort)Pick(FilterPools.Vlans),
            DstVlan = (ushort)Pick(FilterPools.Vlans),
            // Drawn last, so the fields above keep the values earlier versions drew; origin AS depends on it.
            TrafficDirection = (TrafficDirection)random.Next(5),
        };
    }
}
