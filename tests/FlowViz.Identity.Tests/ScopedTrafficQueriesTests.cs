using System.Net;
using FlowViz.Core.Filtering;
using FlowViz.Core.Queries;
using FlowViz.Identity.Scoping;
using FlowViz.Identity.Tests.Isolation;

namespace FlowViz.Identity.Tests;

public sealed class ScopedTrafficQueriesTests
{
    private static readonly TimeRange Range = new(new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero), new DateTimeOffset(2026, 1, 2, 0, 0, 0, TimeSpan.Zero));
    private static readonly FilterExpression Scope = FilterParser.Parse("as 64500");

    [Fact]
    public void EveryQueryMethod_IsImplementedByTheDecorator_NotLeftToADefault()
    {
        // A method added to ITrafficQueries with a default body would otherwise reach the database unscoped.
        var map = typeof(ScopedTrafficQueries).GetInterfaceMap(typeof(ITrafficQueries));
        Assert.All(map.TargetMethods, method => Assert.Equal(typeof(ScopedTrafficQueries), method.DeclaringType));
    }

    [Fact]
    public async Task Queries_RunWithTheScopeOutermost()
    {
        var inner = new RecordingQueries();
        var scoped = new ScopedTrafficQueries(inner, new FixedViewer(ViewerScope.Restricted(Scope, [])));
        var userFilter = FilterParser.Parse("not as 64500 or proto tcp");
        var ct = TestContext.Current.CancellationToken;

        await scoped.SummaryAsync(Range, ct);
        await scoped.SummaryAsync(new SummaryQuery(Range, userFilter), ct);
        await scoped.TopAsync(new TopQuery(Range, FlowDimension.Protocol, TrafficMetric.Bytes, 5, userFilter), ct);
        await scoped.SeriesAsync(new SeriesQuery(Range, FlowDimension.Protocol, TrafficMetric.Bits, 60, 5, userFilter), ct);

        Assert.Equal([Scope, new AndFilter(Scope, userFilter), new AndFilter(Scope, userFilter), new AndFilter(Scope, userFilter)], inner.Filters);
    }

    [Fact]
    public async Task Everything_PassesTheUsersFilterUnchanged()
    {
        var inner = new RecordingQueries();
        var scoped = new ScopedTrafficQueries(inner, new FixedViewer(ViewerScope.Everything));
        await scoped.SummaryAsync(new SummaryQuery(Range, Scope), TestContext.Current.CancellationToken);
        await scoped.SummaryAsync(Range, TestContext.Current.CancellationToken);
        Assert.Equal([Scope, null], inner.Filters);
    }

    [Fact]
    public void None_SeesNoExporter()
    {
        Assert.False(ViewerScope.None.MaySeeExporter(IPAddress.Loopback));
        Assert.True(ViewerScope.Everything.MaySeeExporter(IPAddress.Loopback));
        Assert.True(ViewerScope.Restricted(Scope, [IPAddress.Parse("::ffff:192.0.2.1")]).MaySeeExporter(IPAddress.Parse("192.0.2.1")));
    }

    private sealed class RecordingQueries : ITrafficQueries
    {
        public List<FilterExpression?> Filters { get; } = [];

        public Task<TrafficTotals> SummaryAsync(TimeRange range, CancellationToken cancellationToken) =>
            throw new InvalidOperationException("the decorator must pass the filter on, not drop it");

        public Task<TrafficTotals> SummaryAsync(SummaryQuery query, CancellationToken cancellationToken)
        {
            Filters.Add(query.Filter);
            return Task.FromResult(TrafficTotals.Zero);
        }

        public Task<TopResult> TopAsync(TopQuery query, CancellationToken cancellationToken)
        {
            Filters.Add(query.Filter);
            return Task.FromResult(new TopResult([], TrafficTotals.Zero));
        }

        public Task<SeriesResult> SeriesAsync(SeriesQuery query, CancellationToken cancellationToken)
        {
            Filters.Add(query.Filter);
            return Task.FromResult(new SeriesResult(60, []));
        }
    }
}
