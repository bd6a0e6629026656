using FlowViz.Web.Components.Exporters;
using FlowViz.Web.Components.Live;
using FlowViz.Web.Exporters;
using Microsoft.AspNetCore.Components;

namespace FlowViz.Web.Components.Pages;

/// <summary>
/// Every exporter's counters (datagrams, flows, templates, sampling, sequence loss, malformed datagrams, last
/// seen), refreshed every <see cref="RefreshInterval"/> while the browser is connected. Sort order and time zone are
/// in the URL; the zone handling is <see cref="ZonedPage"/>'s, as on every other page.
/// </summary>
public partial class Exporters : IDisposable
{
    public static readonly TimeSpan RefreshInterval = TimeSpan.FromSeconds(5);

    private IReadOnlyList<ExporterReport>? _rows;
    private PipelineReport? _pipeline;
    private DateTimeOffset _now;
    private string? _error;
    private ExporterSort _sort = ExporterSort.Default;
    private LiveRefresh? _refresh;

    [Inject] private IExporterReports Reports { get; set; } = default!;
    [Inject] private ILogger<Exporters> Logger { get; set; } = default!;
    [Inject] private CircuitConnection Connection { get; set; } = default!;

    [SupplyParameterFromQuery(Name = "sort")] public string? SortText { get; set; }

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
        if (_rows is null && _error is null)
        {
            Load();
        }
    }

    protected override async Task OnAfterRenderAsync(bool firstRender)
    {
        if (firstRender)
        {
            _refresh = new LiveRefresh(Clock, RefreshInterval, Connection, () => InvokeAsync(Refresh));
        }
        await base.OnAfterRenderAsync(firstRender); // the browser's zone
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

    public void Dispose()
    {
        _refresh?.Dispose();
        GC.SuppressFinalize(this);
    }
}
