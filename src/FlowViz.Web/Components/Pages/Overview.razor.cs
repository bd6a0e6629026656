using FlowViz.Core.Filtering;
using FlowViz.Core.Queries;
using FlowViz.Web.Components.Time;
using FlowViz.Web.Components.Traffic;
using Microsoft.AspNetCore.Components;

namespace FlowViz.Web.Components.Pages;

/// <summary>
/// NfSen's front page: totals, bits/s, packets/s and flows/s stacked by protocol, and the top protocols, for
/// a range and an optional filter. All state is in the URL (range or from/to, metric, filter, tz), so links
/// are shareable and Back works; relative ranges refresh every <see cref="RefreshInterval"/>, sending the
/// charts only what changed.
/// </summary>
public partial class Overview : IDisposable
{
    public static readonly TimeSpan RefreshInterval = TimeSpan.FromSeconds(10);
    private const int TopLimit = 10;

    private RangeSelection _selection = RangeSelection.Default;
    private MetricChoice _metric = MetricChoice.Bits;
    private string? _filterText;
    private FilterExpression? _filter;
    private OverviewData? _data;
    private string? _error;
    private bool _loaded;
    private CancellationTokenSource? _load;
    private ITimer? _timer;

    [Inject] private ITrafficQueries Traffic { get; set; } = default!;
    [Inject] private ILogger<Overview> Logger { get; set; } = default!;


    private string EmptyText => _filter is null
        ? "No flows yet: point an exporter at UDP port 2055 (see README), or choose a longer range."
        : "No flows match this filter in this range: widen the range or clear the filter.";

    protected override Task OnParametersSetAsync()
    {
        var selection = UrlRange;
        var metric = UrlMetric;
        var filterText = UrlFilterText;
        if (_loaded && selection == _selection && metric == _metric && filterText == _filterText)
        {
            return Task.CompletedTask;
        }
        (_selection, _metric, _filterText, _loaded) = (selection, metric, filterText, true);
        (_filter, var filterError) = ParseFilter(filterText);
        if (filterError is not null)
        {
            (_data, _error) = (null, filterError);
            return Task.CompletedTask;
        }
        return LoadAsync();
    }

    protected override Task OnAfterRenderAsync(bool firstRender)
    {
        if (firstRender)
        {
            _timer = Clock.CreateTimer(_ => _ = InvokeAsync(RefreshAsync), null, RefreshInterval, RefreshInterval);
        }
        return base.OnAfterRenderAsync(firstRender);
    }

    private async Task RefreshAsync()
    {
        // Fixed ranges never change; a load still running (slow database) is not stacked on; a bad filter stays bad.
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
            var data = await QueryAsync(_selection.Resolve(Clock.GetUtcNow()), _metric, _filter, load.Token);
            if (!load.IsCancellationRequested) // a superseded load that ignored its token must not win
            {
                (_data, _error) = (data, null);
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

    private async Task<OverviewData> QueryAsync(TimeRange range, MetricChoice metric, FilterExpression? filter, CancellationToken ct)
    {
        var step = SeriesStep.For(range.Duration);
        // One after the other: the query service may sit on one database connection per scope.
        var totals = await Traffic.SummaryAsync(new SummaryQuery(range, filter), ct);
        var top = await Traffic.TopAsync(new TopQuery(range, FlowDimension.Protocol, metric.RankMetric, TopLimit, filter), ct);
        var charts = new List<MetricSeries>(MetricChoice.All.Count);
        foreach (var chart in MetricChoice.All)
        {
            var series = await Traffic.SeriesAsync(
                new SeriesQuery(range, FlowDimension.Protocol, chart.SeriesMetric, step, TopLimit, filter), ct);
            charts.Add(new MetricSeries(chart, series));
        }
        return new OverviewData(range, totals, top, charts);
    }

    public void Dispose()
    {
        _timer?.Dispose();
        _load?.Cancel();
        GC.SuppressFinalize(this);
    }
}
