using FlowViz.Core.Queries;
using FlowViz.Web.Components.Formatting;
using Microsoft.AspNetCore.Components;
using Microsoft.JSInterop;

namespace FlowViz.Web.Components.Charts;

/// <summary>
/// A stacked area chart of per-second rates over apexcharts (lib/flowviz-chart.js). The module is imported on
/// first render and data is sent again only when the inputs changed, so a refresh that brings the same
/// numbers costs no interop traffic. With <see cref="Zoomed"/> set, dragging over the chart reports the
/// range dragged; the page puts it in the URL and the chart receives that range's data like any other.
/// The prerender writes the payload into the container (<c>data-prerendered</c>), from which the module draws the chart
/// before the circuit is up; the interactive render's <c>create</c> then adopts that chart rather than drawing another.
/// Until the module has drawn it, the prerendered container shows the same chart drawn by the server (<see cref="StaticChart"/>).
/// </summary>
public partial class StackedTrafficChart : IAsyncDisposable
{
    public const string ModulePath = "./lib/flowviz-chart.js";

    /// <summary>Narrower drags are widened to this around their middle: a bucket is 60 s at best.</summary>
    public static readonly TimeSpan MinimumZoom = TimeSpan.FromMinutes(5);

    private ElementReference _element;
    private IJSObjectReference? _module;
    private IJSObjectReference? _chart;
    private DotNetObjectReference<StackedTrafficChart>? _self;
    private ChartInputs? _sent;
    private bool _disposed;
    private bool _creating;

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

    /// <summary>The range the series cover: the time axis spans it, empty buckets included.</summary>
    [Parameter] public TimeRange? Range { get; set; }

    /// <summary>Called with the range the user dragged over; without it the chart does not zoom.</summary>
    [Parameter] public EventCallback<TimeRange> Zoomed { get; set; }

    private string AriaLabel => $"{Title ?? "Traffic"} in {Unit}, stacked by series" + (Zoomed.HasDelegate ? "; drag across it to zoom" : "");

    /// <summary>The payload as the JS module receives it, in the prerendered HTML only (the interactive render sends it).</summary>
    private string? PrerenderedJson { get; set; }

    /// <summary>The same chart drawn by the server, in the prerendered HTML only: the page's first paint shows it.</summary>
    private StaticChartPicture? PrerenderedPicture { get; set; }

    private ChartInputs CurrentInputs => new(Series, Unit, Mirrored, Height, TimeZone, Range, Zoomed.HasDelegate);

    protected override void OnParametersSet()
    {
        if (!RendererInfo.IsInteractive)
        {
            var payload = CurrentInputs.ToPayload();
            (PrerenderedJson, PrerenderedPicture) = (ChartPayloadJson.Serialize(payload), StaticChartPicture.From(payload));
        }
    }

    protected override async Task OnAfterRenderAsync(bool firstRender)
    {
        if (firstRender)
        {
            _sent = CurrentInputs;
            _self = DotNetObjectReference.Create(this);
            _creating = true;
            try
            {
                _module = await JS.InvokeAsync<IJSObjectReference>("import", ModulePath);
                _chart = await _module.InvokeAsync<IJSObjectReference>("create", _element, _sent.ToPayload(), _self);
            }
            finally
            {
                _creating = false;
            }
            if (_disposed)
            {
                await DestroyAsync(); // disposed while create was awaited
                return;
            }
        }
        // Also right after create: parameters that changed while it was awaited were not sent yet.
        await SyncAsync();
    }

    /// <summary>From the JS module when a drag ends: the dragged interval in Unix seconds.</summary>
    [JSInvokable]
    public Task OnZoomedAsync(long fromSeconds, long toSeconds)
    {
        if (!Zoomed.HasDelegate || toSeconds <= fromSeconds)
        {
            return Task.CompletedTask;
        }
        var from = DateTimeOffset.FromUnixTimeSeconds(fromSeconds);
        var to = DateTimeOffset.FromUnixTimeSeconds(toSeconds);
        if (to - from < MinimumZoom)
        {
            var middle = from + (to - from) / 2;
            (from, to) = (middle - MinimumZoom / 2, middle + MinimumZoom / 2);
        }
        return Zoomed.InvokeAsync(new TimeRange(from, to));
    }

    private async Task SyncAsync()
    {
        var inputs = CurrentInputs;
        if (_disposed || _chart is null || inputs.SameAs(_sent))
        {
            return;
        }
        _sent = inputs;
        await _module!.InvokeVoidAsync("update", _chart, inputs.ToPayload());
    }

    public async ValueTask DisposeAsync()
    {
        _disposed = true;
        if (!_creating) // else the create being awaited destroys what it made when it returns (the module included)
        {
            await DestroyAsync();
        }
        GC.SuppressFinalize(this);
    }

    private async Task DestroyAsync()
    {
        var (chart, module, self) = (_chart, _module, _self);
        (_chart, _module, _self) = (null, null, null);
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
        catch (Exception e) when (e is JSDisconnectedException or OperationCanceledException)
        {
            // The circuit is gone or going (its pending JS calls are cancelled), and the browser's chart with it.
        }
        finally
        {
            self?.Dispose();
        }
    }
}
