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
/// ranges refresh every <see cref="LiveGraphPage{TData}.RefreshInterval"/> as Overview does (a zoom is a fixed range, so it stays).
/// </summary>
public partial class AsAnalysis : IDisposable
{
    public const int TopLimit = 10;

    private static readonly (string Via, string Title)[] Vias =
        [("all", "All"), ("transit", "Via transit"), ("ix", "Via IX"), ("pni", "Via PNI")];

    private RangeSelection _selection = RangeSelection.Default;
    private MetricChoice _metric = MetricChoice.Bits;
    private string _via = "all";
    private string? _filterText;
    private FilterExpression? _filter;
    private AsAnalysisData? _data;
    private string? _error;
    private bool _loaded;
    private CancellationTokenSource? _load;
    private ITimer? _timer;

    [Inject] private ITrafficQueries Traffic { get; set; } = default!;
    [Inject] private ILogger<AsAnalysis> Logger { get; set; } = default!;

    [SupplyParameterFromQuery(Name = "via")] public string? ViaQuery { get; set; }

    private string ViaText => _via switch { "transit" => "via transit", "ix" => "via IX", "pni" => "via PNI", _ => "over all interfaces" };

    private string? AsHref(string key) => DrillLinks.AsOfKey(key, _selection, InUtc);

    protected override async Task OnParametersSetAsync()
    {
        var selection = UrlRange;
        var metric = UrlMetric;
        var via = Vias.Any(v => v.Via == ViaQuery) ? ViaQuery! : "all";
        var filterText = UrlFilterText;
        if (_loaded && selection == _selection && metric == _metric && filterText == _filterText && via == _via)
        {
            return;
        }
        (_selection, _metric, _via, _filterText, _loaded) = (selection, metric, via, filterText, true);
        (_filter, var filterError) = ParseFilter(filterText);
        if (filterError is not null)
        {
            (_data, _error) = (null, filterError);
            return;
        }
        await LoadAsync();
    }

    protected override Task OnAfterRenderAsync(bool firstRender)
    {
        if (firstRender)
        {
            _timer = Clock.CreateTimer(_ => _ = InvokeAsync(RefreshAsync), null, Overview.RefreshInterval, Overview.RefreshInterval);
        }
        return base.OnAfterRenderAsync(firstRender);
    }

    private async Task RefreshAsync()
    {
        // Fixed ranges (a zoom) never change; a load still running is not stacked on; a bad filter stays bad.
        if (!_selection.IsRelative || _load is not null || (_filterText is not null && _filter is null))
        {
            return;
        }
        await LoadAsync();
        StateHasChanged();
    }

    private async Task LoadAsync()
    {
        _load?.Cancel();
        using var load = _load = new CancellationTokenSource();
        try
        {
            var range = _selection.Resolve(Clock.GetUtcNow());
            var series = await Traffic.SeriesAsync(
                new SeriesQuery(range, FlowDimension.OriginAs, _metric.SeriesMetric, SeriesStep.For(range.Duration), TopLimit, ScopedFilter()),
                load.Token);
            if (!load.IsCancellationRequested) // a superseded load that ignored its token must not win
            {
                (_data, _error) = (new AsAnalysisData(range, series, SeriesStatsRow.Of(series)), null);
            }
        }
        catch (OperationCanceledException) when (load.IsCancellationRequested)
        {
            // Superseded by a newer load.
        }
        catch (FilterNotSupportedException e)
        {
            (_data, _error) = (null, $"This filter cannot be answered yet: {e.Message}");
        }
        catch (Exception e)
        {
            Logger.LogWarning(e, "AS analysis query failed for {Range}", _selection);
            _error = $"Could not load traffic by AS: {e.Message}"; // a failed refresh keeps the last figures under the error
        }
        finally
        {
            if (_load == load)
            {
                _load = null;
            }
        }
    }

    public void Dispose()
    {
        _timer?.Dispose();
        _load?.Cancel();
        GC.SuppressFinalize(this);
    }

    /// <summary>The connectivity tab as a filter tree (either side of the flow on an interface of that class), ANDed with the user's filter.</summary>
    private FilterExpression? ScopedFilter()
    {
        if (_via == "all")
        {
            return _filter;
        }
        var scope = new LabelFilter(LabelSubject.Connectivity, FilterSide.Either, _via);
        return _filter is null ? scope : new AndFilter(scope, _filter);
    }
}
