using FlowViz.Core.Filtering;

namespace FlowViz.Core.Queries;

/// <summary>
/// A page of raw flows in <paramref name="Range"/> matching <paramref name="Filter"/>, ordered by
/// <paramref name="SortBy"/> (one of <see cref="FlowSortColumns"/>) then newest first, starting after
/// <paramref name="After"/> (null: the first page). <paramref name="Limit"/> is at most <see cref="MaxLimit"/>;
/// null means every row (for streaming exports).
/// </summary>
public sealed record FlowListQuery(
    TimeRange Range,
    FilterExpression? Filter = null,
    string SortBy = FlowSortColumns.Default,
    bool Descending = true,
    int? Limit = 100,
    FlowCursor? After = null)
{
    public const int MaxLimit = 10_000;
}
