using FlowViz.Core.Filtering;
using FlowViz.Core.Queries;
using FlowViz.Identity.Scoping;
using FlowViz.Identity.Tests.Isolation;

namespace FlowViz.Identity.Tests;

public sealed class ScopedAnswerCompletenessTests
{
    private static readonly TimeRange Range = new(new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero), new DateTimeOffset(2026, 1, 2, 0, 0, 0, TimeSpan.Zero));
    private static readonly FilterExpression Scope = FilterParser.Parse("src net 198.51.100.0/24");

    [Fact]
    public async Task TenantViewer_IsAnsweredForTheScopedFilter_ItsQueriesRunWith()
    {
        var inner = new RecordingCompleteness();
        var requested = FilterParser.Parse("proto tcp or not proto tcp");
        var ct = TestContext.Current.CancellationToken;

        await new ScopedAnswerCompleteness(inner, new FixedViewer(ViewerScope.Restricted(Scope, []))).CompleteFromAsync(Range, FlowDimension.Protocol, requested, 300, ct);
        await new ScopedAnswerCompleteness(inner, new FixedViewer(ViewerScope.Restricted(Scope, []))).CompleteFromAsync(Range, null, null, null, ct);
        await new ScopedAnswerCompleteness(inner, new FixedViewer(ViewerScope.Everything)).CompleteFromAsync(Range, null, requested, null, ct);

        Assert.Equal([new AndFilter(Scope, requested), Scope, requested], inner.Filters);
    }

    private sealed class RecordingCompleteness : IAnswerCompleteness
    {
        public List<FilterExpression?> Filters { get; } = [];

        public Task<DateTimeOffset?> CompleteFromAsync(TimeRange range, FlowDimension? by, FilterExpression? filter, int? stepSeconds, CancellationToken cancellationToken)
        {
            Filters.Add(filter);
            return Task.FromResult<DateTimeOffset?>(null);
        }
    }
}
