namespace FlowViz.Core.Filtering;

/// <summary>Both sides must match (<c>a and b</c>, <c>a &amp;&amp; b</c>).</summary>
public sealed record AndFilter(FilterExpression Left, FilterExpression Right) : FilterExpression;
