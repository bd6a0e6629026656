using FlowViz.Core.Filtering;
using FlowViz.Core.Queries;
using FlowViz.Enrichment;
using FlowViz.Enrichment.Networks;
using FlowViz.Identity.Scoping;
using FlowViz.Web.Components.Applications;
using FlowViz.Web.Components.Filtering;
using Microsoft.AspNetCore.Components;

namespace FlowViz.Web.Components.Pages;

/// <summary>
/// CUFlow's services graph (issue #6): the top applications (the enrichment's application rules) stacked, out above
/// the axis and in below, with the legend's share of out and of in and a TOTAL line; one series query split by
/// direction through the tenant-scoped <see cref="ITrafficQueries"/>. State is in the URL; relative ranges refresh.
/// </summary>
public partial class Applications
{
    public const int TopLimit = 10;

    /// <summary>The hint's example when no local network can serve: TEST-NET-1 (RFC 5737), nobody's real network.</summary>
    public const string DocumentationNetwork = "192.0.2.0/24";

    private string _networkExample = DocumentationNetwork;

    [Inject] private LiveEnrichmentRules Rules { get; set; } = default!;
    [Inject] private IViewerScopeSource Viewer { get; set; } = default!;

    protected override string Subject => "applications";

    /// <summary>
    /// The hint's <c>net</c> example is the first local network in force, so it matches what the user has; a viewer
    /// limited to a tenant's scope gets the documentation range instead (the local networks are the whole install's).
    /// </summary>
    protected override async Task OnInitializedAsync()
    {
        await base.OnInitializedAsync();
        var scope = await Viewer.GetAsync(CancellationToken.None);
        _networkExample = NetworkExampleOf(scope.IsRestricted ? [] : Rules.Current.Networks.Networks);
    }

    /// <summary>The first of <paramref name="networks"/> in CIDR form, or <see cref="DocumentationNetwork"/> when there is none.</summary>
    public static string NetworkExampleOf(IReadOnlyList<LocalNetwork> networks) =>
        networks.Count == 0 ? DocumentationNetwork : networks[0].Prefix.ToString();

    private string EmptyText => Filter is null
        ? "No flows yet: point an exporter at UDP port 2055 (see README), or choose a longer range."
        : "No flows match this filter in this range: widen the range or clear the filter.";

    protected override async Task<ApplicationsData> QueryAsync(TimeRange range, CancellationToken cancellationToken)
    {
        var series = await Traffic.SeriesAsync(
            new SeriesQuery(range, FlowDimension.Application, Metric.SeriesMetric, SeriesStep.For(range), TopLimit, Filter, SeriesSplit.Direction),
            cancellationToken);
        return new ApplicationsData(range, series, DirectionRow.Of(series));
    }

    /// <summary>
    /// Clicking an application narrows the page to it (<c>app NAME</c>), keeping range and metric; traffic no rule named
    /// ("none") has no name to filter on.
    /// </summary>
    private string? ApplicationHref(string key)
    {
        if (key == "none")
        {
            return null;
        }
        var filter = FilterPrinter.Print(Within(new LabelFilter(LabelSubject.Application, FilterSide.Either, key)));
        return FilterBox.Check(filter) is null ? Navigation.GetUriWithQueryParameter("filter", filter) : null;
    }
}
