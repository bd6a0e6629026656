using FlowViz.Core.Queries;
using FlowViz.Web.Components.Hosts;

namespace FlowViz.Web.Components.Pages;

/// <summary>One load of the hosts page: the range, the top talkers and everything else as "Other hosts".</summary>
public sealed record HostsData(TimeRange Range, IReadOnlyList<HostRow> Rows, TrafficTotals Other)
{
    public bool IsEmpty => Rows.Count == 0 && Other == TrafficTotals.Zero;
}
