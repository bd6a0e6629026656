using System.Net;
using FlowViz.Core.Flows;
using FlowViz.Core.Interfaces;
using FlowViz.Core.Queries;
using FlowViz.Storage.Interfaces;
using FlowViz.Storage.Queries;
using FlowViz.Storage.Tests.Infrastructure;
using Microsoft.Extensions.Logging.Abstractions;

namespace FlowViz.Storage.Tests.Timescale;

/// <summary>Migration 0006, interface classification and the flow list work on a TimescaleDB hypertable too.</summary>
[Collection(TimescaleCollection.Name)]
public sealed class TimescaleInterfacesAndFlowListTests(TimescaleServerFixture timescale)
{
    // Away from the instants the other TimescaleDB tests use.
    private static readonly DateTime T0 = new(2026, 4, 1, 8, 0, 0, DateTimeKind.Utc);

    private static CancellationToken Cancellation => TestContext.Current.CancellationToken;

    [Fact]
    public async Task SaveRulesAsync_OnTimescale_ClassesFollowRulesAndReclassify()
    {
        var sources = new InterfaceSources(timescale.DataSource, new InterfaceClassesRebuilder(NullLogger<InterfaceClassesRebuilder>.Instance), TimeProvider.System);
        var catalog = new InterfaceCatalog(timescale.DataSource, sources);
        await sources.RecordObservedAsync([new(IPAddress.Parse("203.0.113.40"), 1, "xe-1", "Transit: Lumen", 10_000_000_000)], Cancellation);

        await catalog.SaveRulesAsync([new() { Exporter = "203.0.113.40", Description = @"Transit: (\w+)", Connectivity = "transit", Provider = "$1" }], null, Cancellation);
        var first = (await catalog.ListAsync(Cancellation)).Single(i => i.Interface.Exporter.Equals(IPAddress.Parse("203.0.113.40")));
        await catalog.SaveRulesAsync([new() { Exporter = "203.0.113.40", IfIndex = 1, Connectivity = "pni", Boundary = "external" }], null, Cancellation);
        var second = (await catalog.ListAsync(Cancellation)).Single(i => i.Interface.Exporter.Equals(IPAddress.Parse("203.0.113.40")));

        Assert.Equal(new InterfaceClass("transit", "lumen", null), first.Class);
        Assert.Equal(10_000_000_000, first.Interface.SpeedBps);
        Assert.Equal(new InterfaceClass("pni", null, "external"), second.Class);
    }

    [Fact]
    public async Task PageAsync_OnHypertable_EveryRowOnce()
    {
        FlowRecord[] stored =
        [
            .. Enumerable.Range(0, 9).Select(i => Flow(T0.AddMinutes(i * 25), (ushort)i)),
            Flow(T0.AddMinutes(5), 99), Flow(T0.AddMinutes(5), 99), // identical rows
        ];
        await FlowInserts.InsertAsync(timescale.DataSource, stored, Cancellation);
        var queries = new FlowRecordQueries(timescale.DataSource);
        var query = new FlowListQuery(new TimeRange(new DateTimeOffset(T0), new DateTimeOffset(T0.AddHours(4))), Limit: 2);

        var got = new List<FlowRecord>();
        for (var pages = 1; ; pages++)
        {
            var page = await queries.PageAsync(query, Cancellation);
            got.AddRange(page.Flows);
            if (page.Next is null || pages > 20)
            {
                break;
            }
            query = query with { After = page.Next };
        }

        Assert.Equal(stored.OrderByDescending(f => f.TimeReceived).ThenBy(f => f.SrcPort).Select(f => (f.TimeReceived, f.SrcPort)),
            got.OrderByDescending(f => f.TimeReceived).ThenBy(f => f.SrcPort).Select(f => (f.TimeReceived, f.SrcPort)));
        Assert.Equal(got.Select(f => f.TimeReceived).OrderDescending(), got.Select(f => f.TimeReceived));
    }

    private static FlowRecord Flow(DateTime received, ushort port) => new()
    {
        TimeReceived = received,
        TimeStart = received,
        TimeEnd = received,
        Exporter = FlowAddress.Parse("203.0.113.41"),
        FlowProtocol = FlowProtocol.Ipfix,
        SrcAddr = FlowAddress.Parse("198.51.100.1"),
        DstAddr = FlowAddress.Parse("198.51.100.2"),
        SrcPort = port,
        Protocol = 6,
        Bytes = 40,
        Packets = 1,
        SamplingRate = 1,
    };
}
