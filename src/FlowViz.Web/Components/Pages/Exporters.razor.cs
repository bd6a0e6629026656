using FlowViz.Web.Components.Exporters;
using FlowViz.Web.Components.Time;
using FlowViz.Web.Exporters;
using Microsoft.AspNetCore.Components;

namespace FlowViz.Web.Components.Pages;

/// <summary>
/// Every exporter's counters (datagrams, flows, templates, sampling, sequence loss, malformed datagrams, last
/// seen), refreshed every <see cref="RefreshInterval"/>. Sort order and time zone are in the URL.
/// </summary>
public partial class Exporters : IDisposable
{
    public static readonly TimeSpan RefreshInterval = TimeSpan.FromSeconds(5);

    private IReadOnlyList<ExporterReport>? _rows;
    private PipelineReport? _pipeline;
    private DateTimeOffset _now;
    private string? _error;
    private ExporterSort _sort = ExporterSort.Default;
    private bool _useUtc;
    private TimeZoneInfo _browserZone = TimeZoneInfo.Utc;
    private bool _zoneKnown;
    private ITimer? _timer;

    [Inject] private IExporterReports Reports { get; set; } = default!;
    [Inject] private NavigationManager Navigation { get; set; } = default!;
    [Inject] private TimeProvider Clock { get; set; } = default!;
    [Inject] private BrowserTimeZone BrowserZone { get; set; } = default!;
    [Inject] private ILogger<Exporters> Logger { get; set; } = default!;

    [SupplyParameterFromQuery(Name = "sort")] public string? SortText { get; set; }
    [SupplyParameterFromQuery(Name = "tz")] public string? ZoneText { get; set; }

    private TimeZoneInfo Zone => _useUtc ? TimeZoneInfo.Utc : _browserZone;

    private string Summary
    {
        get
        {
            var silent = _rows!.Count(r => r.IsSilent(_now));
            var total = _rows!.Count;
            return $"{total} exporter{(total == 1 ? "" : "s")}, {silent} silent (nothing received for {ExporterReport.SilentAfter.TotalMinutes:0} minutes).";
        }
    }

    protected override void OnParametersSet()
    {
        _sort = ExporterSort.Parse(SortText);
        _useUtc = string.Equals(ZoneText, "utc", StringComparison.OrdinalIgnoreCase);
        if (_rows is null && _error is null)
        {
            Load();
        }
    }

    protected override async Task OnAfterRenderAsync(bool firstRender)
    {
        if (!firstRender)
        {
            return;
        }
        _timer = Clock.CreateTimer(_ => _ = InvokeAsync(Refresh), null, RefreshInterval, RefreshInterval);
        _browserZone = await BrowserZone.GetAsync();
        _zoneKnown = true;
        StateHasChanged();
    }

    private void Refresh()
    {
        Load();
        StateHasChanged();
    }

    private void Load()
    {
        try
        {
            (_rows, _pipeline, _now, _error) = (Reports.Snapshot(), Reports.Pipeline(), Clock.GetUtcNow(), null);
        }
        catch (Exception e)
        {
            Logger.LogWarning(e, "Exporter statistics could not be read");
            _error = $"Could not read the exporter statistics: {e.Message}";
        }
    }

    private void OnSortChanged(ExporterSort sort) =>
        Navigation.NavigateTo(Navigation.GetUriWithQueryParameter("sort", sort == ExporterSort.Default ? null : sort.ToString()));

    private void OnZoneChanged(bool utc) =>
        Navigation.NavigateTo(Navigation.GetUriWithQueryParameter("tz", utc ? "utc" : null));

    public void Dispose()
    {
        _timer?.Dispose();
        GC.SuppressFinalize(this);
    }
}
