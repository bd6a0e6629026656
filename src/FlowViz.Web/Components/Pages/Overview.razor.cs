using FlowViz.Core.Queries;
using FlowViz.Web.Components.Time;
using FlowViz.Web.Components.Traffic;
using Microsoft.AspNetCore.Components;

namespace FlowViz.Web.Components.Pages;

/// <summary>
/// Totals, a stacked chart and the top protocols for a range. All state is in the URL
/// (range, from, to, metric); relative ranges refresh every <see cref="RefreshInterval"/>.
/// </summary>
public partial class Overview : IDisposable
{
    public static readonly TimeSpan RefreshInterval = TimeSpan.FromSeconds(10);
    private const int TopLimit = 10;

    private RangeSelection _selection = RangeSelection.Default;
    private MetricChoice _metric = MetricChoice.Bits;
    private TimeZoneInfo _zone = TimeZoneInfo.Utc;
    private bool _zoneKnown;
    private OverviewData? _data;
    private string? _error;
    private CancellationTokenSource? _load;
    private ITimer? _timer;

    [Inject] private ITrafficQueries Traffic { get; set; } = default!;
    [Inject] private NavigationManager Navigation { get; set; } = default!;
    [Inject] private TimeProvider Clock { get; set; } = default!;
    [Inject] private BrowserTimeZone BrowserZone { get; set; } = default!;
    [Inject] private ILogger<Overview> Logger { get; set; } = default!;

    [SupplyParameterFromQuery(Name = "range")] public string? RangeText { get; set; }
    [SupplyParameterFromQuery(Name = "from")] public string? FromText { get; set; }
    [SupplyParameterFromQuery(Name = "to")] public string? ToText { get; set; }
    [SupplyParameterFromQuery(Name = "metric")] public string? MetricText { get; set; }

    protected override Task OnParametersSetAsync()
    {
        var selection = RangeSelection.Parse(RangeText, FromText, ToText);
        var metric = MetricChoice.Parse(MetricText);
        if (_data is not null && selection == _selection && metric == _metric)
        {
            return Task.CompletedTask;
        }
        (_selection, _metric) = (selection, metric);
        return LoadAsync();
    }

    protected override async Task OnAfterRenderAsync(bool firstRender)
    {
        if (!firstRender)
        {
            return;
        }
        _timer = Clock.CreateTimer(_ => _ = InvokeAsync(RefreshAsync), null, RefreshInterval, RefreshInterval);
        _zone = await BrowserZone.GetAsync();
        _zoneKnown = true;
        StateHasChanged();
    }

    private async Task RefreshAsync()
    {
        // Fixed ranges never change; a load still running (slow database) is not stacked on.
        if (!_selection.IsRelative || _load is not null)
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
            var data = await QueryAsync(_selection.Resolve(Clock.GetUtcNow()), _metric, load.Token);
            if (!load.IsCancellationRequested) // a superseded load that ignored its token must not win
            {
                (_data, _error) = (data, null);
            }
        }
        catch (OperationCanceledException) when (load.IsCancellationRequested)
        {
            // Superseded by a newer load.
        }
        catch (Exception e)
        {
            Logger.LogWarning(e, "Overview query failed for {Range}", _selection);
            _error = $"Could not load traffic: {e.Message}";
        }
        finally
        {
            if (_load == load)
            {
                _load = null;
            }
        }
    }

    private async Task<OverviewData> QueryAsync(TimeRange range, MetricChoice metric, CancellationToken ct)
    {
        var step = SeriesStep.For(range.Duration);
        // One after the other: the query service may sit on one database connection per scope.
        var totals = await Traffic.SummaryAsync(range, ct);
        var top = await Traffic.TopAsync(new TopQuery(range, FlowDimension.Protocol, metric.RankMetric, TopLimit), ct);
        var series = await Traffic.SeriesAsync(
            new SeriesQuery(range, FlowDimension.Protocol, metric.SeriesMetric, step, TopLimit), ct);
        return new OverviewData(range, totals, top, series);
    }

    private void OnRangeChanged(RangeSelection selection) =>
        Navigation.NavigateTo(Navigation.GetUriWithQueryParameters(selection.ToQueryParameters()));

    private void OnMetricChanged(MetricChoice metric) =>
        Navigation.NavigateTo(Navigation.GetUriWithQueryParameter("metric", metric.Name));

    public void Dispose()
    {
        _timer?.Dispose();
        _load?.Cancel();
        GC.SuppressFinalize(this);
    }
}
