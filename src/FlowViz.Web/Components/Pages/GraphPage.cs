using FlowViz.Core.Queries;
using FlowViz.Web.Components.Time;
using FlowViz.Web.Components.Traffic;
using Microsoft.AspNetCore.Components;

namespace FlowViz.Web.Components.Pages;

/// <summary>A traffic page that draws charts: adds the <c>metric</c> (bits, packets, flows) and drag-to-zoom.</summary>
public abstract class GraphPage : TrafficPage
{
    [SupplyParameterFromQuery(Name = "metric")] public string? MetricText { get; set; }

    protected MetricChoice UrlMetric => MetricChoice.Parse(MetricText);

    protected void OnMetricChanged(MetricChoice metric) =>
        Navigation.NavigateTo(Navigation.GetUriWithQueryParameter("metric", metric.Name));

    /// <summary>A range dragged across a chart becomes a fixed range in the URL (Back returns to the previous one).</summary>
    protected void OnZoomed(TimeRange range) => OnRangeChanged(RangeSelection.Fixed(range));
}
