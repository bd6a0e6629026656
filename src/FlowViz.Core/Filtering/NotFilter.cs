namespace FlowViz.Core.Filtering;

/// <summary>
/// The operand does not match (<c>not a</c>, <c>!a</c>). Logic is two-valued, as in nfdump: a flow without
/// the field a predicate asks about (no source address, say) does not match the predicate, so it matches its negation.
/// </summary>
public sealed record NotFilter(FilterExpression Operand) : FilterExpression;
