using FlowViz.Core.Interfaces;
using FlowViz.Storage.Queries;
using FlowViz.Storage.Tests.Infrastructure;
using static FlowViz.Storage.Tests.Interfaces.InterfacesDatabase;

namespace FlowViz.Storage.Tests.Interfaces;

/// <summary>The lookup behind the AS analysis answers' interface columns (class, ifName, description) on a real PostgreSQL.</summary>
public sealed class InterfaceClassLookupTests(PostgresServerFixture server)
{
    private static CancellationToken Cancellation => TestContext.Current.CancellationToken;

    [Fact]
    public async Task DescribeAsync_NamedAndClassedInterfaces_ReturnsNamesWithClasses()
    {
        await using var db = await CreateAsync(server);
        await db.Sources.RecordObservedAsync([
            Named("192.0.2.1", 1, "et-0/0/1", "Transit: NTT"),
            Named("192.0.2.1", 2, "ge-0/0/2", null), // named, no rule matches it
        ], Cancellation);
        await db.Catalog.SaveRulesAsync([new() { Description = @"^Transit: (\w+)", Connectivity = "transit", Provider = "$1", Boundary = "external" }], null, Cancellation);
        var lookup = new InterfaceClassLookup(db.DataSource);

        var described = await lookup.DescribeAsync(["192.0.2.1/1", "192.0.2.1/2", "192.0.2.1/3", "not an interface"], Cancellation);
        var classes = await lookup.FindAsync(["192.0.2.1/1", "192.0.2.1/2"], Cancellation);

        Assert.Equal(new Dictionary<string, InterfaceDetails>
        {
            ["192.0.2.1/1"] = new(new InterfaceClass("transit", "ntt", "external"), "et-0/0/1", "Transit: NTT"),
            ["192.0.2.1/2"] = new(null, "ge-0/0/2", null),
        }, described);
        Assert.Equal(new Dictionary<string, InterfaceClass> { ["192.0.2.1/1"] = new("transit", "ntt", "external") }, classes);
    }
}
