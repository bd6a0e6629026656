using FlowViz.Core.Filtering;
using FlowViz.Core.Flows;

namespace FlowViz.Core.Queries;

/// <summary>
/// Raw flow records, for the flow list and CSV export. A filter using a field the flows table does not hold
/// throws <see cref="FilterNotSupportedException"/>.
/// </summary>
public interface IFlowRecordQueries
{
    /// <summary>One page (<see cref="FlowListQuery.Limit"/> rows at most) and the cursor of the next.</summary>
    Task<FlowPage> PageAsync(FlowListQuery query, CancellationToken cancellationToken);

    /// <summary>Every row of the query in order, read from the database as they are consumed (one statement).</summary>
    IAsyncEnumerable<FlowRecord> StreamAsync(FlowListQuery query, CancellationToken cancellationToken);
}
