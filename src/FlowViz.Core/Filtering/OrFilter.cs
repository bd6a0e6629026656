namespace FlowViz.Core.Filtering;

/// <summary>Either side matches (<c>a or b</c>, <c>a || b</c>).</summary>
public sealed record OrFilter(FilterExpression Left, FilterExpression Right) : FilterExpression;
