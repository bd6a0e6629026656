using System.Runtime.CompilerServices;
using FlowViz.Core.Flows;

namespace FlowViz.Web.Tests.Fakes;

/// <summary>Answers each query with <see cref="Answer"/> (decided by its cursor, sort, …); records every query.</summary>
public sealed class FakeFlowRecordQueries : IFlowRecordQueries
{
    public Func<FlowListQuery, FlowPage> Answer { get; set; } = _ => new FlowPage([], null);

    public List<FlowListQuery> Calls { get; } = [];

    public Task<FlowPage> PageAsync(FlowListQuery query, CancellationToken cancellationToken)
    {
        Calls.Add(query);
        return Task.FromResult(Answer(query));
    }

    public async IAsyncEnumerable<FlowRecord> StreamAsync(FlowListQuery query, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        Calls.Add(query);
        await Task.Yield();
        foreach (var flow in Answer(query).Flows)
        {
            yield return flow;
        }
    }
}
