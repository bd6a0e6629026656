namespace FlowViz.Core.Filtering;

/// <summary>
/// The filter is valid but asks about a field the data being queried does not hold (a rollup without
/// ports, or a dimension FlowViz does not store yet). The message is meant for the user.
/// </summary>
public sealed class FilterNotSupportedException : Exception
{
    public FilterNotSupportedException(FilterField field, string reason)
        : this([field], reason)
    {
    }

    /// <summary>For a predicate that reads <paramref name="fields"/> (both sides of an either-side predicate, say).</summary>
    public FilterNotSupportedException(IReadOnlyList<FilterField> fields, string reason)
        : base($"this view cannot filter by {FilterFields.NameOf(fields)}: {reason}") => Field = fields[0];

    public FilterNotSupportedException()
    {
    }

    public FilterNotSupportedException(string message)
        : base(message)
    {
    }

    public FilterNotSupportedException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <summary>The field that cannot be filtered by.</summary>
    public FilterField Field { get; }
}
