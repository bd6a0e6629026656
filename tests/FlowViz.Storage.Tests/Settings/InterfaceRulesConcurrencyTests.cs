using FlowViz.Core.Interfaces;
using FlowViz.Core.Versioning;
using FlowViz.Storage.Tests.Infrastructure;
using FlowViz.Storage.Tests.Interfaces;

namespace FlowViz.Storage.Tests.Settings;

/// <summary>Optimistic concurrency and "who" for the interface rule sets (0006 + saved_by from 0008).</summary>
public sealed class InterfaceRulesConcurrencyTests(PostgresServerFixture server)
{
    private static CancellationToken Cancellation => TestContext.Current.CancellationToken;

    private static readonly InterfaceRule[] Rules = [new() { Name = "^ae", Connectivity = "core", Boundary = "internal" }];

    [Fact]
    public async Task SaveRulesAsync_EditedVersionInForce_SavesWithWho()
    {
        await using var db = await InterfacesDatabase.CreateAsync(server);
        var first = await db.Catalog.SaveRulesAsync(Rules, "first", Cancellation);

        var second = await db.Catalog.SaveRulesAsync(Rules, "second", first.Version, "alice", Cancellation);

        Assert.Equal((first.Version + 1, "alice"), (second.Version, second.SavedBy));
        Assert.Equal(["alice", null], (await db.Catalog.RuleHistoryAsync(Cancellation)).Select(s => s.SavedBy));
    }

    [Fact]
    public async Task SaveRulesAsync_StaleVersion_ThrowsWithCurrentAndSavesNothing()
    {
        await using var db = await InterfacesDatabase.CreateAsync(server);
        var first = await db.Catalog.SaveRulesAsync(Rules, "first", Cancellation);
        var second = await db.Catalog.SaveRulesAsync(Rules, "second", first.Version, "alice", Cancellation);

        var stale = await Assert.ThrowsAsync<StaleVersionException>(() => db.Catalog.SaveRulesAsync([], "late", first.Version, "bob", Cancellation));

        Assert.Equal((first.Version, second.Version), (stale.EditedVersion, stale.CurrentVersion));
        Assert.Equal(2, (await db.Catalog.RuleHistoryAsync(Cancellation)).Count);
    }

    [Fact]
    public async Task SaveRulesAsync_NoVersionGiven_IsNotChecked()
    {
        await using var db = await InterfacesDatabase.CreateAsync(server);
        await db.Catalog.SaveRulesAsync(Rules, "first", Cancellation);

        var saved = await db.Catalog.SaveRulesAsync([], "unchecked", editedVersion: null, "carol", Cancellation);

        Assert.Equal(2, saved.Version);
    }
}
