using System.Net;
using FlowViz.Core.Flows;
using FlowViz.Core.Interfaces;
using FlowViz.Storage.Interfaces;
using FlowViz.Storage.Tests.Infrastructure;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;

namespace FlowViz.Storage.Tests.Interfaces;

/// <summary>A migrated database of its own for one test, with the interface services built on it.</summary>
public sealed class InterfacesDatabase : IAsyncDisposable
{
    private readonly MigratedDatabaseFixture _database;

    private InterfacesDatabase(MigratedDatabaseFixture database, TimeProvider time)
    {
        _database = database;
        Sources = new InterfaceSources(database.DataSource, new InterfaceClassesRebuilder(NullLogger<InterfaceClassesRebuilder>.Instance), time);
        Catalog = new InterfaceCatalog(database.DataSource, Sources);
    }

    public NpgsqlDataSource DataSource => _database.DataSource;

    public InterfaceSources Sources { get; }

    public InterfaceCatalog Catalog { get; }

    public static async Task<InterfacesDatabase> CreateAsync(PostgresServerFixture server, TimeProvider? time = null)
    {
        var database = new MigratedDatabaseFixture(server);
        await database.InitializeAsync();
        return new InterfacesDatabase(database, time ?? TimeProvider.System);
    }

    /// <summary>interface_classes as (exporter/index → connectivity, provider, boundary), read straight from the table.</summary>
    public async Task<Dictionary<string, InterfaceClass>> ClassesAsync()
    {
        await using var command = DataSource.CreateCommand("SELECT host(if_exporter), if_index, connectivity, provider, boundary FROM interface_classes");
        await using var reader = await command.ExecuteReaderAsync(TestContext.Current.CancellationToken);
        var classes = new Dictionary<string, InterfaceClass>();
        while (await reader.ReadAsync(TestContext.Current.CancellationToken))
        {
            classes[$"{reader.GetString(0)}/{reader.GetInt64(1)}"] = new InterfaceClass(
                reader.IsDBNull(2) ? null : reader.GetString(2), reader.IsDBNull(3) ? null : reader.GetString(3), reader.IsDBNull(4) ? null : reader.GetString(4));
        }
        return classes;
    }

    public async Task WriteFlowsAsync(params FlowRecord[] flows) => await _database.CreateWriter().WriteAsync(flows, TestContext.Current.CancellationToken);

    public static FlowRecord Flow(DateTime received, string exporter, uint input, uint output, ulong bytes) => new()
    {
        TimeReceived = received,
        TimeStart = received,
        TimeEnd = received,
        Exporter = FlowAddress.Parse(exporter),
        FlowProtocol = FlowProtocol.NetFlowV9,
        SrcAddr = FlowAddress.Parse("203.0.113.5"),
        DstAddr = FlowAddress.Parse("192.0.2.200"),
        Protocol = 6,
        InputInterface = input,
        OutputInterface = output,
        Bytes = bytes,
        Packets = 1,
        SamplingRate = 1,
    };

    public static ObservedInterface Named(string exporter, long index, string? name, string? description) =>
        new(IPAddress.Parse(exporter), index, name, description, null);

    public ValueTask DisposeAsync() => _database.DisposeAsync();
}
