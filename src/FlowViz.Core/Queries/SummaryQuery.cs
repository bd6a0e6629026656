using FlowViz.Core.Filtering;

namespace FlowViz.Core.Queries;

/// <summary>The totals of the flows in <paramref name="Range"/> that match <paramref name="Filter"/> (all flows when null).</summary>
public sealed record SummaryQuery(TimeRange Range, FilterExpression? Filter = null);
