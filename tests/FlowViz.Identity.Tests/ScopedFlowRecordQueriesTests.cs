using FlowViz.Core.Filtering;
using FlowViz.Core.Flows;
using FlowViz.Core.Queries;
using FlowViz.Identity.Scoping;
using FlowViz.Identity.Tests.Isolation;

namespace FlowViz.Identity.Tests;

public sealed class ScopedFlowRecordQueriesTests
{
    private static readonly TimeRange Range = new(new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero), new DateTimeOffset(2026, 1, 2, 0, 0, 0, TimeSpan.Zero));
    private static readonly FilterExpression Scope = FilterParser.Parse("as 64500");

    [Fact]
    public void EveryQueryMethod_IsImplementedByTheDecorator_NotLeftToADefault()
    {
        var map = typeof(ScopedFlowRecordQueries).GetInterfaceMap(typeof(IFlowRecordQueries));
        Assert.All(map.TargetMethods, method => Assert.Equal(typeof(ScopedFlowRecordQueries), method.DeclaringType));
    }

    [Fact]
    public async Task PageAndStream_RunWithTheScopeOutermost()
    {
        var inner = new RecordingFlows();
        var scoped = new ScopedFlowRecordQueries(inner, new FixedViewer(ViewerScope.Restricted(Scope, [])));
        var userFilter = FilterParser.Parse("not as 64500 or proto tcp");
        var ct = TestContext.Current.CancellationToken;

        await scoped.PageAsync(new FlowListQuery(Range), ct);
        await scoped.PageAsync(new FlowListQuery(Range, userFilter), ct);
        await foreach (var _ in scoped.StreamAsync(new FlowListQuery(Range, userFilter, Limit: null), ct))
        {
        }

        Assert.Equal([Scope, new AndFilter(Scope, userFilter), new AndFilter(Scope, userFilter)], inner.Filters);
    }

    [Fact]
    public async Task Everything_PassesTheUsersFilterUnchanged()
    {
        var inner = new RecordingFlows();
        var scoped = new ScopedFlowRecordQueries(inner, new FixedViewer(ViewerScope.Everything));
        var ct = TestContext.Current.CancellationToken;
        await scoped.PageAsync(new FlowListQuery(Range, Scope), ct);
        await scoped.PageAsync(new FlowListQuery(Range), ct);
        Assert.Equal([Scope, null], inner.Filters);
    }

    [Fact]
    public async Task None_RunsTheNothingFilter()
    {
        var inner = new RecordingFlows();
        var scoped = new ScopedFlowRecordQueries(inner, new FixedViewer(ViewerScope.None));
        await scoped.PageAsync(new FlowListQuery(Range, Scope), TestContext.Current.CancellationToken);
        Assert.Equal([new AndFilter(TenantScopeFilter.Nothing, Scope)], inner.Filters);
    }

    private sealed class RecordingFlows : IFlowRecordQueries
    {
        public List<FilterExpression?> Filters { get; } = [];

        public Task<FlowPage> PageAsync(FlowListQuery query, CancellationToken cancellationToken)
        {
            Filters.Add(query.Filter);
            return Task.FromResult(new FlowPage([], null));
        }

        public async IAsyncEnumerable<FlowRecord> StreamAsync(FlowListQuery query, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken)
        {
            Filters.Add(query.Filter);
            await Task.Yield();
            yield break;
        }
    }
}
