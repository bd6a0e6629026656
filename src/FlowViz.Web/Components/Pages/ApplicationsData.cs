using FlowViz.Core.Queries;
using FlowViz.Web.Components.Applications;

namespace FlowViz.Web.Components.Pages;

/// <summary>One load of the applications page: the range, the series split by direction and their legend rows.</summary>
public sealed record ApplicationsData(TimeRange Range, SeriesResult Series, IReadOnlyList<DirectionRow> Rows)
{
    public bool IsEmpty => Rows.All(row => row.Total == 0);
}
