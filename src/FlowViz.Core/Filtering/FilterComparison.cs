namespace FlowViz.Core.Filtering;

/// <summary>How a <see cref="NumberFilter"/> compares: <c>=</c> (or nothing), <c>&lt;</c>, <c>&gt;</c>, <c>&lt;=</c>, <c>&gt;=</c>.</summary>
public enum FilterComparison
{
    Equal,
    Less,
    Greater,
    LessOrEqual,
    GreaterOrEqual,
}
