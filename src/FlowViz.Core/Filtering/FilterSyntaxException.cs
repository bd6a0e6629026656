namespace FlowViz.Core.Filtering;

/// <summary>Unwinds the recursive-descent parser at the first error; never leaves <see cref="FilterParser"/>.</summary>
internal sealed class FilterSyntaxException(FilterError error) : Exception(error.ToString())
{
    public FilterError Error { get; } = error;
}
