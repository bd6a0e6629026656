using System.Net;
using FlowViz.Core.Interfaces;
using FlowViz.Storage.Interfaces;
using FlowViz.Storage.Tests.Infrastructure;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace FlowViz.Storage.Tests.Interfaces;

/// <summary>The hosted service: configuration seeds rules and interfaces at start; each round copies what exporters reported.</summary>
public sealed class InterfaceSyncServiceTests(PostgresServerFixture server)
{
    private static CancellationToken Cancellation => TestContext.Current.CancellationToken;

    [Fact]
    public async Task StartAndSync_ConfigurationAndLearnedNames_EndUpClassified()
    {
        await using var db = await InterfacesDatabase.CreateAsync(server);
        var learned = new ListSource();
        var settings = new InterfacesOptions
        {
            Configured = [new ConfiguredInterface { Exporter = "192.0.2.1", IfIndex = 2, Description = "IX: LINX", SpeedBps = 100_000_000_000 }],
            Rules =
            [
                new() { Description = @"^(?<kind>IX|Transit): (?<who>\S+)", Connectivity = "${kind}", Provider = "${who}", Boundary = "external" },
            ],
            SyncInterval = TimeSpan.FromMilliseconds(50),
        };
        var service = new InterfaceSyncService(db.Sources, [learned], Options.Create(settings), TimeProvider.System, NullLogger<InterfaceSyncService>.Instance);

        await service.StartAsync(Cancellation);
        learned.Interfaces = [new(IPAddress.Parse("192.0.2.1"), 1, "et-1", "Transit: GTT", null)];
        var classes = await WaitForAsync(db, count: 2);
        await service.StopAsync(Cancellation);

        Assert.Equal(new Dictionary<string, InterfaceClass>
        {
            ["192.0.2.1/1"] = new("transit", "gtt", "external"),
            ["192.0.2.1/2"] = new("ix", "linx", "external"),
        }, classes);
        var rules = await db.Catalog.RulesAsync(null, Cancellation);
        Assert.Equal((1L, "configuration"), (rules!.Version, rules.Source));
    }

    private static async Task<Dictionary<string, InterfaceClass>> WaitForAsync(InterfacesDatabase db, int count)
    {
        var deadline = DateTime.UtcNow.AddSeconds(20);
        while (true)
        {
            var classes = await db.ClassesAsync();
            if (classes.Count >= count || DateTime.UtcNow > deadline)
            {
                return classes;
            }
            await Task.Delay(50, Cancellation);
        }
    }

    private sealed class ListSource : IObservedInterfaceSource
    {
        public volatile IReadOnlyList<ObservedInterface> Interfaces = [];

        public IReadOnlyList<ObservedInterface> Observe() => Interfaces;
    }
}
