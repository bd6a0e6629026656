using FlowViz.Core.Filtering;
using FlowViz.Core.Queries;
using FlowViz.Web.Components.AsAnalysis;
using FlowViz.Web.Components.Time;
using FlowViz.Web.Components.Traffic;
using Microsoft.AspNetCore.Components;

namespace FlowViz.Web.Components.Pages;

/// <summary>
/// Traffic by origin AS (seed 003), overall or only over interfaces of one connectivity (transit, IX, PNI): a stacked
/// graph of the top ASes plus "Other", and avg / max / 95th percentile / total per AS. The same question as
/// <c>/api/v1/as/traffic?via=…</c>, through the tenant-scoped <see cref="ITrafficQueries"/>. State is in the URL; relative
/// ranges refresh every <see cref="LiveGraphPage{TData}.RefreshInterval"/> (LiveGraphPage's loop, as Overview) (a zoom is a fixed range, so it stays).
/// </summary>
public partial class AsAnalysis
{
    public const int TopLimit = 10;

    private static readonly (string Via, string Title)[] Vias =
        [("all", "All"), ("transit", "Via transit"), ("ix", "Via IX"), ("pni", "Via PNI")];

    [SupplyParameterFromQuery(Name = "via")] public string? ViaQuery { get; set; }

    private string Via => Vias.Any(v => v.Via == ViaQuery) ? ViaQuery! : "all";

    protected override string Subject => "traffic by AS";

    protected override object? RouteValue => Via;

    private string ViaText => Via switch { "transit" => "via transit", "ix" => "via IX", "pni" => "via PNI", _ => "over all interfaces" };

    private string? AsHref(string key) => DrillLinks.AsOfKey(key, Selection, InUtc);

    protected override async Task<AsAnalysisData> QueryAsync(TimeRange range, CancellationToken cancellationToken)
    {
        var series = await Traffic.SeriesAsync(
            new SeriesQuery(range, FlowDimension.OriginAs, Metric.SeriesMetric, SeriesStep.For(range.Duration), TopLimit, ScopedFilter()),
            cancellationToken);
        return new AsAnalysisData(range, series, SeriesStatsRow.Of(series));
    }

    /// <summary>The connectivity tab as a filter tree (either side of the flow on an interface of that class), ANDed with the user's filter.</summary>
    private FilterExpression? ScopedFilter()
    {
        if (Via == "all")
        {
            return Filter;
        }
        return Within(new LabelFilter(LabelSubject.Connectivity, FilterSide.Either, Via));
    }
}
