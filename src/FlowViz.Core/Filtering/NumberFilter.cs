namespace FlowViz.Core.Filtering;

/// <summary>
/// <c>[src|dst] port &gt; 1024</c>, <c>in if 3</c>, <c>bytes &gt; 1000</c>…: the field compared with <paramref name="Value"/>.
/// <paramref name="Side"/> is <see cref="FilterSide.Either"/> for fields that have no sides (bytes, packets, tos).
/// <c>port in [80 443]</c> is parsed into an <see cref="OrFilter"/> of equalities.
/// </summary>
public sealed record NumberFilter(NumberSubject Subject, FilterSide Side, FilterComparison Comparison, ulong Value) : FilterExpression;
