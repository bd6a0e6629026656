namespace FlowViz.Core.Filtering;

/// <summary>
/// A parsed flow filter: an immutable tree of <see cref="AndFilter"/>, <see cref="OrFilter"/>,
/// <see cref="NotFilter"/> and predicates. Records compare by value, so two filters that mean the same
/// after parsing are equal, and <see cref="ToString"/> prints the canonical text that parses back to an
/// equal tree.
/// </summary>
public abstract record FilterExpression
{
    /// <summary>The canonical filter text (see <see cref="FilterPrinter"/>).</summary>
    public sealed override string ToString() => FilterPrinter.Print(this);
}
