using System.Net;
using FlowViz.Core.Counters;
using FlowViz.Core.Filtering;
using FlowViz.Core.Queries;
using FlowViz.Identity.Scoping;
using FlowViz.Identity.Tenants;
using FlowViz.Identity.Tests.Isolation;

namespace FlowViz.Identity.Tests;

public sealed class ScopedInterfaceCounterQueriesTests
{
    private static readonly DateTimeOffset T0 = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);
    private static readonly TimeRange Range = new(T0, T0.AddHours(1));

    private static readonly InterfaceCounterRates[] All =
    [
        Rates("192.0.2.1", 1),
        Rates("192.0.2.1", 2),
        Rates("2001:db8::1", 7),
    ];

    [Fact]
    public void EveryQuery_IsImplementedByTheDecorator_NotLeftToADefault()
    {
        var map = typeof(ScopedInterfaceCounterQueries).GetInterfaceMap(typeof(IInterfaceCounterQueries));
        Assert.All(map.TargetMethods, method => Assert.Equal(typeof(ScopedInterfaceCounterQueries), method.DeclaringType));
    }

    [Fact]
    public async Task TenantViewer_ReadsOnlyTheCountersOfTheInterfacesItsScopeNames()
    {
        var ct = TestContext.Current.CancellationToken;
        var scope = ViewerScopes.ForEntries([
            TenantScopeEntry.ForInterface(IPAddress.Parse("::ffff:192.0.2.1"), 2, FilterSide.Dst),
            TenantScopeEntry.ForAs(64500),
            TenantScopeEntry.ForPrefix(IPNetwork.Parse("2001:db8::/32")),
        ]);
        var counters = new ScopedInterfaceCounterQueries(new FixedCounters(), new FixedViewer(scope));

        Assert.Equal([All[1]], await counters.RatesAsync(Range, ct));
        Assert.NotEmpty(await counters.SeriesAsync(IPAddress.Parse("192.0.2.1"), 2, Range, 60, ct));
        Assert.Empty(await counters.SeriesAsync(IPAddress.Parse("192.0.2.1"), 1, Range, 60, ct));
        Assert.Empty(await counters.SeriesAsync(IPAddress.Parse("2001:db8::1"), 7, Range, 60, ct));
    }

    [Fact]
    public async Task AsOnlyTenantOrNobody_ReadsNoCounters()
    {
        var ct = TestContext.Current.CancellationToken;
        foreach (var scope in new[] { ViewerScopes.ForEntries([TenantScopeEntry.ForAs(64500)]), ViewerScope.None })
        {
            var counters = new ScopedInterfaceCounterQueries(new FixedCounters(), new FixedViewer(scope));
            Assert.Empty(await counters.RatesAsync(Range, ct));
            Assert.Empty(await counters.SeriesAsync(IPAddress.Parse("192.0.2.1"), 1, Range, 60, ct));
        }
    }

    [Fact]
    public async Task Everything_GetsTheInnerAnswersUnchanged()
    {
        var ct = TestContext.Current.CancellationToken;
        var counters = new ScopedInterfaceCounterQueries(new FixedCounters(), new FixedViewer(ViewerScope.Everything));

        Assert.Equal(All, await counters.RatesAsync(Range, ct));
        Assert.Equal(FixedCounters.Points, await counters.SeriesAsync(IPAddress.Parse("2001:db8::1"), 7, Range, 60, ct));
    }

    private static InterfaceCounterRates Rates(string exporter, long ifIndex) =>
        new(IPAddress.Parse(exporter), ifIndex, 1_000 * ifIndex, 2_000 * ifIndex, 3_000, 4_000, 1_000_000_000, 10, 0);

    private sealed class FixedCounters : IInterfaceCounterQueries
    {
        public static readonly InterfaceCounterPoint[] Points = [new(T0.ToUnixTimeSeconds(), 1_000, 2_000)];

        public Task<IReadOnlyList<InterfaceCounterRates>> RatesAsync(TimeRange range, CancellationToken cancellationToken) =>
            Task.FromResult<IReadOnlyList<InterfaceCounterRates>>(All);

        public Task<IReadOnlyList<InterfaceCounterPoint>> SeriesAsync(
            IPAddress exporter, long ifIndex, TimeRange range, int stepSeconds, CancellationToken cancellationToken) =>
            Task.FromResult<IReadOnlyList<InterfaceCounterPoint>>(Points);
    }
}
