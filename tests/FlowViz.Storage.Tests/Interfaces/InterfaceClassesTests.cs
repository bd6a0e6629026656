using FlowViz.Core.Interfaces;
using FlowViz.Storage.Interfaces;
using FlowViz.Storage.Tests.Infrastructure;
using static FlowViz.Storage.Tests.Interfaces.InterfacesDatabase;

namespace FlowViz.Storage.Tests.Interfaces;

/// <summary>Rules → interface_classes on a real PostgreSQL, and what that does to queries over past flows.</summary>
public sealed class InterfaceClassesTests(PostgresServerFixture server)
{
    private static CancellationToken Cancellation => TestContext.Current.CancellationToken;

    private static readonly InterfaceRule[] EdgeRules =
    [
        new() { Exporter = "192.0.2.0/24", Description = @"^Transit: (\w+)", Connectivity = "transit", Provider = "$1", Boundary = "external" },
        new() { Exporter = "192.0.2.0/24", Description = @"^IX: (\S+)", Connectivity = "ix", Provider = "$1", Boundary = "external" },
        new() { Name = "^ae", Connectivity = "core", Boundary = "internal" },
    ];

    [Fact]
    public async Task SaveRulesAsync_NamedInterfaces_ClassesFollowFirstMatchingRule()
    {
        await using var db = await CreateAsync(server);
        await db.Sources.RecordObservedAsync([
            Named("192.0.2.1", 1, "et-0/0/1", "Transit: NTT"),
            Named("192.0.2.1", 2, "et-0/0/2", "IX: DE-CIX"),
            Named("192.0.2.1", 3, "ae0", "IX: looks like IX but rule 2 is first"),
            Named("192.0.2.1", 4, "ae1", "backbone"),
            Named("198.51.100.9", 1, "et-0/0/1", "Transit: Cogent"), // outside the exporter network of rules 0 and 1
            Named("192.0.2.1", 5, "ge-0/0/5", "unknown"),
        ], Cancellation);

        var saved = await db.Catalog.SaveRulesAsync(EdgeRules, "first rules", Cancellation);

        Assert.Equal((1L, "api", "first rules"), (saved.Version, saved.Source, saved.Comment));
        Assert.Equal(new Dictionary<string, InterfaceClass>
        {
            ["192.0.2.1/1"] = new("transit", "ntt", "external"),
            ["192.0.2.1/2"] = new("ix", "de-cix", "external"),
            ["192.0.2.1/3"] = new("ix", "looks", "external"),
            ["192.0.2.1/4"] = new("core", null, "internal"),
        }, await db.ClassesAsync());
        var list = await db.Catalog.ListAsync(Cancellation);
        Assert.Equal(["192.0.2.1/5", "198.51.100.9/1"], list.Take(2).Select(i => $"{i.Interface.Exporter}/{i.Interface.IfIndex}").Order());
        Assert.All(list.Take(2), i => Assert.Null(i.Class));
    }

    [Fact]
    public async Task SaveRulesAsync_RuleChange_ReclassifiesPastFlows()
    {
        await using var db = await CreateAsync(server);
        var received = DateTime.UtcNow.AddHours(-2);
        await db.WriteFlowsAsync(Flow(received, "192.0.2.1", input: 1, output: 4, bytes: 1_000), Flow(received, "192.0.2.1", input: 2, output: 4, bytes: 300));
        await db.Sources.RecordObservedAsync([Named("192.0.2.1", 1, "et-1", "Transit: NTT"), Named("192.0.2.1", 2, "et-2", "Transit: Cogent")], Cancellation);
        await db.Catalog.SaveRulesAsync(EdgeRules, null, Cancellation);
        Assert.Equal(1_300, await BytesInByConnectivityAsync(db, "transit"));

        await db.Catalog.SaveRulesAsync([new() { Description = "Cogent", Connectivity = "pni", Provider = "cogent", Boundary = "external" }, .. EdgeRules], "Cogent is a PNI now", Cancellation);

        Assert.Equal(1_000, await BytesInByConnectivityAsync(db, "transit"));
        Assert.Equal(300, await BytesInByConnectivityAsync(db, "pni"));
        var history = await db.Catalog.RuleHistoryAsync(Cancellation);
        Assert.Equal([2L, 1L], history.Select(h => h.Version));
        Assert.Equal(EdgeRules.Length, (await db.Catalog.RulesAsync(1, Cancellation))!.Rules.Count);
    }

    [Fact]
    public async Task SaveRulesAsync_InvalidExpression_ThrowsWithPathAndSavesNothing()
    {
        await using var db = await CreateAsync(server);
        await db.Sources.RecordObservedAsync([Named("192.0.2.1", 1, "et-1", "Transit: NTT")], Cancellation);
        await db.Catalog.SaveRulesAsync(EdgeRules, null, Cancellation);

        var exception = await Assert.ThrowsAsync<InterfaceRulesException>(() =>
            db.Catalog.SaveRulesAsync([EdgeRules[0], new() { Name = "(unclosed", Connectivity = "core" }], null, Cancellation));

        Assert.Equal("rules[1].name", Assert.Single(exception.Errors).Path);
        Assert.Equal(1, (await db.Catalog.RulesAsync(null, Cancellation))!.Version);
        Assert.Equal(new InterfaceClass("transit", "ntt", "external"), (await db.ClassesAsync())["192.0.2.1/1"]);
    }

    [Fact]
    public async Task RecordObservedAsync_NameChanges_ReclassifiesAndReportsChangeOnlyWhenNew()
    {
        await using var db = await CreateAsync(server);
        await db.Catalog.SaveRulesAsync(EdgeRules, null, Cancellation);

        Assert.True(await db.Sources.RecordObservedAsync([Named("192.0.2.1", 1, "et-1", "Transit: NTT")], Cancellation));
        Assert.False(await db.Sources.RecordObservedAsync([Named("192.0.2.1", 1, "et-1", "Transit: NTT")], Cancellation));
        Assert.Equal("ntt", (await db.ClassesAsync())["192.0.2.1/1"].Provider);
        Assert.True(await db.Sources.RecordObservedAsync([Named("192.0.2.1", 1, "et-1", "Transit: Arelion")], Cancellation));

        Assert.Equal("arelion", (await db.ClassesAsync())["192.0.2.1/1"].Provider);
    }

    [Fact]
    public async Task ReplaceConfiguredAsync_ConfigurationWinsOverOptionsAndRemovalFallsBack()
    {
        await using var db = await CreateAsync(server);
        await db.Sources.RecordObservedAsync([Named("192.0.2.1", 1, "et-1", "Transit: NTT"), new(System.Net.IPAddress.Parse("192.0.2.1"), 1, null, null, 10_000_000_000)], Cancellation);
        await db.Catalog.SaveRulesAsync(EdgeRules, null, Cancellation);

        Assert.True(await db.Sources.ReplaceConfiguredAsync(
            [new ConfiguredInterface { Exporter = "192.0.2.1", IfIndex = 1, Description = "IX: AMS-IX", SpeedBps = 100_000_000_000 },
             new ConfiguredInterface { Exporter = "192.0.2.1", IfIndex = 9, Name = "ae9" }], Cancellation));

        var known = (await db.Catalog.ListAsync(Cancellation)).ToDictionary(i => i.Interface.IfIndex);
        Assert.Equal(("et-1", "IX: AMS-IX", 100_000_000_000L), (known[1].Interface.Name, known[1].Interface.Description, known[1].Interface.SpeedBps));
        Assert.Equal(["configuration", "options", "sflow"], known[1].Interface.Sources);
        Assert.Equal(new InterfaceClass("ix", "ams-ix", "external"), known[1].Class);
        Assert.Equal(new InterfaceClass("core", null, "internal"), known[9].Class);

        Assert.True(await db.Sources.ReplaceConfiguredAsync([], Cancellation));

        var after = (await db.Catalog.ListAsync(Cancellation)).ToDictionary(i => i.Interface.IfIndex);
        Assert.Equal(("Transit: NTT", 10_000_000_000L), (after[1].Interface.Description, after[1].Interface.SpeedBps));
        Assert.Equal("ntt", after[1].Class?.Provider);
        Assert.False(after.ContainsKey(9));
        Assert.False(await db.Sources.ReplaceConfiguredAsync([], Cancellation));
    }

    [Fact]
    public async Task SeedRulesAsync_ConfigurationSeedsUntilTheApiSaves()
    {
        await using var db = await CreateAsync(server);

        Assert.Equal(1, (await db.Sources.SeedRulesAsync(EdgeRules, Cancellation))?.Version);
        Assert.Null(await db.Sources.SeedRulesAsync(EdgeRules, Cancellation));
        Assert.Equal(2, (await db.Sources.SeedRulesAsync(EdgeRules[..1], Cancellation))?.Version);
        await db.Catalog.SaveRulesAsync(EdgeRules, "by hand", Cancellation);
        Assert.Null(await db.Sources.SeedRulesAsync([], Cancellation));

        var current = await db.Catalog.RulesAsync(null, Cancellation);
        Assert.Equal((3L, "api", EdgeRules.Length), (current!.Version, current.Source, current.Rules.Count));
        Assert.Equal(EdgeRules[0].Provider, current.Rules[0].Provider);
    }

    [Fact]
    public async Task RecordSeenInFlowsAsync_IndexOnlyInterfaces_ClassifiedByIndexAndListedWhenUnclassified()
    {
        await using var db = await CreateAsync(server);
        var now = DateTime.UtcNow;
        await db.WriteFlowsAsync(
            Flow(now.AddHours(-1), "192.0.2.1", input: 7, output: 8, bytes: 500),
            Flow(now.AddHours(-1), "192.0.2.1", input: 7, output: 0, bytes: 100),
            Flow(now.AddHours(-30), "192.0.2.1", input: 6, output: 8, bytes: 900)); // older than the first scan's window
        await db.Catalog.SaveRulesAsync([new() { Exporter = "192.0.2.1", IfIndex = 8, Connectivity = "customer", Boundary = "external" }], null, Cancellation);

        Assert.True(await db.Sources.RecordSeenInFlowsAsync(now.AddMinutes(-1), Cancellation));
        Assert.False(await db.Sources.RecordSeenInFlowsAsync(now, Cancellation));

        Assert.Equal(new Dictionary<string, InterfaceClass> { ["192.0.2.1/8"] = new("customer", null, "external") }, await db.ClassesAsync());
        var unclassified = await db.Catalog.UnclassifiedWithTrafficAsync(new(now.AddHours(-24), now), Cancellation);
        var only = Assert.Single(unclassified);
        Assert.Equal(("192.0.2.1", 7L, 2L, 600L), (only.Exporter.ToString(), only.IfIndex, only.Flows, only.Bytes));
    }

    [Fact]
    public async Task PreviewAsync_CandidateRules_ShowsCurrentAndCandidateWithoutSaving()
    {
        await using var db = await CreateAsync(server);
        await db.Sources.RecordObservedAsync([Named("192.0.2.1", 1, "et-1", "Transit: NTT"), Named("192.0.2.1", 2, "ae2", "core")], Cancellation);
        await db.Catalog.SaveRulesAsync(EdgeRules, null, Cancellation);

        var preview = await db.Catalog.PreviewAsync([new() { Description = "NTT", Connectivity = "pni", Provider = "ntt" }], Cancellation);

        var byIndex = preview.ToDictionary(p => p.Interface.IfIndex);
        Assert.Equal((new InterfaceClass("transit", "ntt", "external"), new InterfaceClass("pni", "ntt", null), (int?)0, true),
            (byIndex[1].Current, byIndex[1].Candidate, byIndex[1].RuleIndex, byIndex[1].Changed));
        Assert.Equal((new InterfaceClass("core", null, "internal"), (InterfaceClass?)null, true), (byIndex[2].Current, byIndex[2].Candidate, byIndex[2].Changed));
        Assert.Equal(1, (await db.Catalog.RulesAsync(null, Cancellation))!.Version);
    }

    // What a query by connectivity does: LEFT JOIN interface_classes on the input interface at read time.
    private static async Task<long> BytesInByConnectivityAsync(InterfacesDatabase db, string connectivity)
    {
        await using var command = db.DataSource.CreateCommand(
            "SELECT coalesce(sum(f.bytes), 0)::bigint FROM flows f " +
            "LEFT JOIN interface_classes c ON c.if_exporter = f.exporter AND c.if_index = f.input_if WHERE c.connectivity = $1");
        command.Parameters.Add(new() { Value = connectivity });
        return (long)(await command.ExecuteScalarAsync(Cancellation))!;
    }
}
