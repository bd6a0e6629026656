using FlowViz.Core.Queries;
using FlowViz.Web.Components.Formatting;
using Microsoft.AspNetCore.Components;
using Microsoft.JSInterop;

namespace FlowViz.Web.Components.Charts;

/// <summary>
/// A stacked area chart of per-second rates over apexcharts (lib/flowviz-chart.js). The module is imported on
/// first render and data is sent again only when the inputs changed, so a refresh that brings the same
/// numbers costs no interop traffic.
/// </summary>
public partial class StackedTrafficChart : IAsyncDisposable
{
    public const string ModulePath = "./lib/flowviz-chart.js";

    private ElementReference _element;
    private IJSObjectReference? _module;
    private IJSObjectReference? _chart;
    private ChartInputs? _sent;
    private bool _disposed;

    [Inject] private IJSRuntime JS { get; set; } = default!;

    [Parameter, EditorRequired] public SeriesResult? Series { get; set; }

    /// <summary>"bit/s", "packets/s" or "flows/s": picks the prefixes of the y axis and tooltip.</summary>
    [Parameter] public string Unit { get; set; } = TrafficUnits.BitsPerSecond;

    /// <summary>Series with negative rates are drawn below the axis; labels then show magnitudes.</summary>
    [Parameter] public bool Mirrored { get; set; }

    [Parameter] public int Height { get; set; } = 320;

    /// <summary>IANA zone for the time axis and tooltip; the browser's own zone in practice.</summary>
    [Parameter] public string TimeZone { get; set; } = "UTC";

    [Parameter] public string? Title { get; set; }

    private string AriaLabel => $"{Title ?? "Traffic"} in {Unit}, stacked by series";

    protected override async Task OnAfterRenderAsync(bool firstRender)
    {
        if (firstRender)
        {
            _sent = CurrentInputs;
            var payload = ChartPayload.From(Series, Unit, Mirrored, Height, TimeZone);
            _module = await JS.InvokeAsync<IJSObjectReference>("import", ModulePath);
            _chart = await _module.InvokeAsync<IJSObjectReference>("create", _element, payload);
            if (_disposed)
            {
                await DestroyAsync(); // disposed while create was awaited
                return;
            }
        }
        // Also right after create: parameters that changed while it was awaited were not sent yet.
        await SyncAsync();
    }

    private ChartInputs CurrentInputs => new(Series, Unit, Mirrored, Height, TimeZone);

    private async Task SyncAsync()
    {
        var inputs = CurrentInputs;
        if (_disposed || _chart is null || inputs.SameAs(_sent))
        {
            return;
        }
        _sent = inputs;
        await _module!.InvokeVoidAsync("update", _chart,
            ChartPayload.From(inputs.Series, inputs.Unit, inputs.Mirrored, inputs.Height, inputs.TimeZone));
    }

    public async ValueTask DisposeAsync()
    {
        _disposed = true;
        await DestroyAsync();
        GC.SuppressFinalize(this);
    }

    private async Task DestroyAsync()
    {
        var (chart, module) = (_chart, _module);
        (_chart, _module) = (null, null);
        try
        {
            if (chart is not null)
            {
                await module!.InvokeVoidAsync("destroy", chart);
                await chart.DisposeAsync();
            }
            if (module is not null)
            {
                await module.DisposeAsync();
            }
        }
        catch (JSDisconnectedException)
        {
            // The circuit is gone, and the browser's chart with it.
        }
    }
}
