using System.Net;
using FlowViz.Core.Filtering;
using FlowViz.Core.Interfaces;
using FlowViz.Core.Queries;
using FlowViz.Identity.Scoping;
using FlowViz.Identity.Tenants;
using FlowViz.Identity.Tests.Isolation;

namespace FlowViz.Identity.Tests;

public sealed class ScopedInterfaceCatalogTests
{
    private static readonly DateTimeOffset Seen = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);

    private static readonly ClassifiedInterface[] Known =
    [
        Interface("192.0.2.1", 1, "ix"),
        Interface("192.0.2.1", 2, "transit"),
        Interface("192.0.2.2", 1, null),
        Interface("2001:db8::1", 7, "pni"),
    ];

    [Fact]
    public void EveryCatalogMethod_IsImplementedByTheDecorator_NotLeftToADefault()
    {
        var map = typeof(ScopedInterfaceCatalog).GetInterfaceMap(typeof(IInterfaceCatalog));
        Assert.All(map.TargetMethods, method => Assert.Equal(typeof(ScopedInterfaceCatalog), method.DeclaringType));
    }

    [Fact]
    public async Task List_TenantViewer_SeesOnlyTheInterfacesItsScopeNames()
    {
        // A mapped IPv4 exporter names the same exporter; the AS and prefix entries name no interface.
        var scope = ViewerScopes.ForEntries([
            TenantScopeEntry.ForInterface(IPAddress.Parse("::ffff:192.0.2.1"), 2, FilterSide.Src),
            TenantScopeEntry.ForInterface(IPAddress.Parse("2001:db8::1"), 7),
            TenantScopeEntry.ForAs(64500),
            TenantScopeEntry.ForPrefix(IPNetwork.Parse("192.0.2.0/24")),
        ]);
        var catalog = new ScopedInterfaceCatalog(new FixedCatalog(), new FixedViewer(scope));

        var listed = await catalog.ListAsync(TestContext.Current.CancellationToken);

        Assert.Equal([Known[1], Known[3]], listed);
    }

    [Fact]
    public async Task List_AsOnlyTenant_SeesNoInterface()
    {
        var scope = ViewerScopes.ForEntries([TenantScopeEntry.ForAs(64500)]);
        var catalog = new ScopedInterfaceCatalog(new FixedCatalog(), new FixedViewer(scope));
        Assert.Empty(await catalog.ListAsync(TestContext.Current.CancellationToken));
        Assert.Empty(await new ScopedInterfaceCatalog(new FixedCatalog(), new FixedViewer(ViewerScope.None)).ListAsync(TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task Everything_GetsTheInnerAnswersUnchanged()
    {
        var ct = TestContext.Current.CancellationToken;
        var inner = new FixedCatalog();
        var catalog = new ScopedInterfaceCatalog(inner, new FixedViewer(ViewerScope.Everything));

        Assert.Equal(Known, await catalog.ListAsync(ct));
        Assert.Same(FixedCatalog.Rules, await catalog.RulesAsync(null, ct));
        Assert.Single(await catalog.RuleHistoryAsync(ct));
        Assert.Single(await catalog.UnclassifiedWithTrafficAsync(new TimeRange(Seen, Seen.AddHours(1)), ct));
        await catalog.SaveRulesAsync([], null, ct);
        await catalog.SaveRulesAsync([], null, editedVersion: 1, savedBy: "operator", ct);
        await catalog.PreviewAsync([], ct);
        Assert.Equal(3, inner.Writes);
    }

    [Fact]
    public async Task TenantViewer_GetsNoRulesNoReport_AndCannotEditRules()
    {
        var ct = TestContext.Current.CancellationToken;
        var inner = new FixedCatalog();
        var scope = ViewerScopes.ForEntries([TenantScopeEntry.ForInterface(IPAddress.Parse("192.0.2.2"), 1)]);
        var catalog = new ScopedInterfaceCatalog(inner, new FixedViewer(scope));

        Assert.Null(await catalog.RulesAsync(null, ct));
        Assert.Empty(await catalog.RuleHistoryAsync(ct));
        // The report counts all traffic through each interface, other tenants' included.
        Assert.Empty(await catalog.UnclassifiedWithTrafficAsync(new TimeRange(Seen, Seen.AddHours(1)), ct));
        await Assert.ThrowsAsync<UnauthorizedAccessException>(() => catalog.SaveRulesAsync([], null, ct));
        await Assert.ThrowsAsync<UnauthorizedAccessException>(() => catalog.SaveRulesAsync([], null, 1, "tenant", ct));
        await Assert.ThrowsAsync<UnauthorizedAccessException>(() => catalog.PreviewAsync([], ct));
        Assert.Equal(0, inner.Writes);
    }

    private static ClassifiedInterface Interface(string exporter, long ifIndex, string? connectivity) => new(
        new KnownInterface(IPAddress.Parse(exporter), ifIndex, $"if{ifIndex}", null, null, ["flows"], Seen, Seen),
        connectivity is null ? null : new InterfaceClass(connectivity, null, "external"));

    private sealed class FixedCatalog : IInterfaceCatalog
    {
        public static readonly InterfaceRuleSet Rules = new(1, [], "api", null, Seen);

        public int Writes { get; private set; }

        public Task<IReadOnlyList<ClassifiedInterface>> ListAsync(CancellationToken cancellationToken) =>
            Task.FromResult<IReadOnlyList<ClassifiedInterface>>(Known);

        public Task<InterfaceRuleSet?> RulesAsync(long? version, CancellationToken cancellationToken) => Task.FromResult<InterfaceRuleSet?>(Rules);

        public Task<IReadOnlyList<InterfaceRuleSet>> RuleHistoryAsync(CancellationToken cancellationToken) =>
            Task.FromResult<IReadOnlyList<InterfaceRuleSet>>([Rules]);

        public Task<InterfaceRuleSet> SaveRulesAsync(IReadOnlyList<InterfaceRule> rules, string? comment, CancellationToken cancellationToken)
        {
            Writes++;
            return Task.FromResult(Rules);
        }

        public Task<InterfaceRuleSet> SaveRulesAsync(
            IReadOnlyList<InterfaceRule> rules, string? comment, long? editedVersion, string? savedBy, CancellationToken cancellationToken)
        {
            Writes++;
            return Task.FromResult(Rules);
        }

        public Task<IReadOnlyList<InterfacePreview>> PreviewAsync(IReadOnlyList<InterfaceRule> rules, CancellationToken cancellationToken)
        {
            Writes++;
            return Task.FromResult<IReadOnlyList<InterfacePreview>>([]);
        }

        public Task<IReadOnlyList<UnclassifiedInterface>> UnclassifiedWithTrafficAsync(TimeRange range, CancellationToken cancellationToken) =>
            Task.FromResult<IReadOnlyList<UnclassifiedInterface>>([new UnclassifiedInterface(IPAddress.Parse("192.0.2.2"), 1, null, null, 5, 500)]);
    }
}
