namespace FlowViz.Core.Queries;

/// <summary>The top rows and everything else summed as <see cref="Other"/>; rows + other = the range's totals.</summary>
public sealed record TopResult(IReadOnlyList<TopRow> Rows, TrafficTotals Other);
