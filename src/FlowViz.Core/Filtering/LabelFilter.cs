namespace FlowViz.Core.Filtering;

/// <summary>
/// <c>[src|dst] country JP</c>, <c>app https</c>, <c>connectivity transit</c>, <c>provider NAME</c>,
/// <c>boundary external</c>: the dimension equals <paramref name="Value"/> (normalised: countries upper case,
/// names lower case). Only countries have sides; the others use <see cref="FilterSide.Either"/>.
/// </summary>
public sealed record LabelFilter(LabelSubject Subject, FilterSide Side, string Value) : FilterExpression;
