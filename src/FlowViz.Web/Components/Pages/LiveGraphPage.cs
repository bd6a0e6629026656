using FlowViz.Core.Filtering;
using FlowViz.Core.Queries;
using FlowViz.Web.Components.Live;
using FlowViz.Web.Components.Prerendering;
using FlowViz.Web.Components.Time;
using FlowViz.Web.Components.Traffic;
using Microsoft.AspNetCore.Components;

namespace FlowViz.Web.Components.Pages;

/// <summary>
/// A graph page that loads one <typeparamref name="TData"/> per URL state and refreshes relative ranges every
/// <see cref="RefreshInterval"/> while its browser is connected (as Overview does): a load still running is not stacked
/// on, a superseded one never wins, a bad filter or route value shows its message instead of traffic, and a failed
/// query says what happened.
/// The prerender's data is carried into the interactive render (<see cref="PrerenderedLoad"/>), so a page load queries
/// once, not once in the prerender and again when the circuit starts; a prerender that left slow parts out
/// (<see cref="UnlessPrerendering"/>) is completed by asking for those only (<see cref="RestOf"/>). Refreshes and URL
/// changes query the whole page.
/// </summary>
public abstract class LiveGraphPage<TData> : GraphPage, IDisposable where TData : class
{
    public static readonly TimeSpan RefreshInterval = TimeSpan.FromSeconds(10);

    private bool _loaded;
    private bool _invalid;
    private object? _routeValue;
    private CancellationTokenSource? _load;
    private LiveRefresh? _refresh;
    private PersistingComponentStateSubscription _persisting;

    [Inject] protected ITrafficQueries Traffic { get; set; } = default!;
    [Inject] private ILoggerFactory Loggers { get; set; } = default!;
    [Inject] private PersistentComponentState PageState { get; set; } = default!;
    [Inject] private CircuitConnection Connection { get; set; } = default!;

    protected RangeSelection Selection { get; private set; } = RangeSelection.Default;
    protected MetricChoice Metric { get; private set; } = MetricChoice.Bits;
    protected string? LoadedFilterText { get; private set; }
    protected FilterExpression? Filter { get; private set; }
    protected TData? Data { get; private set; }
    protected string? Error { get; private set; }

    /// <summary>What the page shows, for messages: "applications", "host 192.0.2.1".</summary>
    protected abstract string Subject { get; }

    /// <summary>The page's route value (e.g. a host address) as parsed; a change reloads. Null for pages without one.</summary>
    protected virtual object? RouteValue => null;

    /// <summary>Why the route value cannot be shown (nothing is queried then); null when it is fine.</summary>
    protected virtual string? RouteProblem => null;

    protected abstract Task<TData> QueryAsync(TimeRange range, CancellationToken cancellationToken);

    /// <summary>
    /// For a prerender's load that left part of the page out (so that the rest is painted at once), the query of what
    /// it left out, returning the whole: the interactive render shows the carried part and asks only for the rest, over
    /// the carried range. Null when the load is whole.
    /// </summary>
    protected virtual Func<CancellationToken, Task<TData>>? RestOf(TData data) => null;

    /// <summary>
    /// A part of <see cref="QueryAsync"/> that the prerender leaves out (null there), so that the rest of the page is in
    /// the first HTML without waiting for it; the page's <see cref="RestOf"/> asks for it once the page is live.
    /// </summary>
    protected Task<T?> UnlessPrerendering<T>(Func<Task<T?>> query) where T : class =>
        RendererInfo.IsInteractive ? query() : Task.FromResult<T?>(null);

    protected override void OnInitialized()
    {
        base.OnInitialized();
        _persisting = PageState.RegisterOnPersisting(PersistLoadAsync);
    }

    protected override Task OnParametersSetAsync()
    {
        var first = !_loaded;
        var (selection, metric, filterText, routeValue) = (UrlRange, UrlMetric, UrlFilterText, RouteValue);
        if (_loaded && selection == Selection && metric == Metric && filterText == LoadedFilterText && Equals(routeValue, _routeValue))
        {
            return Task.CompletedTask;
        }
        (Selection, Metric, LoadedFilterText, _routeValue, _loaded) = (selection, metric, filterText, routeValue, true);
        (Filter, var filterError) = RouteProblem is { } problem ? (null, problem) : ParseFilter(filterText);
        _invalid = filterError is not null;
        if (_invalid)
        {
            (Data, Error) = (null, filterError);
            return Task.CompletedTask;
        }
        if (first && TakePrerenderedLoad() is { } prerendered)
        {
            (Data, Error) = (prerendered, null);
            return RestOf(prerendered) is { } rest ? LoadAsync(rest) : Task.CompletedTask;
        }
        return LoadAsync(QueryNowAsync);
    }

    /// <summary>The prerender's data for this very address, if this render continues a prerendered response.</summary>
    private TData? TakePrerenderedLoad()
    {
        if (!PageState.TryTakeFromJson<PrerenderedLoad>(PrerenderedLoad.KeyOf(GetType()), out var load) || load is null || load.Uri != Navigation.Uri)
        {
            return null;
        }
        try
        {
            return PageDataJson.FromElement<TData>(load.Data);
        }
        catch (Exception e) when (e is System.Text.Json.JsonException or NotSupportedException or ArgumentException)
        {
            Loggers.CreateLogger(GetType()).LogWarning(e, "The prerendered {Subject} could not be read back; querying again", Subject);
            return null;
        }
    }

    /// <summary>At the end of the prerender (and when a circuit pauses): the data shown, for the address it was loaded for.</summary>
    private Task PersistLoadAsync()
    {
        if (Data is not null && Error is null && !_invalid && _load is null && PageDataJson.ToElement(Data) is { } json)
        {
            PageState.PersistAsJson(PrerenderedLoad.KeyOf(GetType()), new PrerenderedLoad(Navigation.Uri, json));
        }
        return Task.CompletedTask;
    }

    protected override Task OnAfterRenderAsync(bool firstRender)
    {
        if (firstRender)
        {
            _refresh = new LiveRefresh(Clock, RefreshInterval, Connection, () => InvokeAsync(RefreshAsync));
        }
        return base.OnAfterRenderAsync(firstRender);
    }

    private async Task RefreshAsync()
    {
        // Fixed ranges never change; a bad filter or address stays bad.
        if (!Selection.IsRelative || _load is not null || _invalid)
        {
            return;
        }
        await LoadAsync(QueryNowAsync);
        StateHasChanged();
    }

    private Task<TData> QueryNowAsync(CancellationToken cancellationToken) => QueryAsync(Selection.Resolve(Clock.GetUtcNow()), cancellationToken);

    private async Task LoadAsync(Func<CancellationToken, Task<TData>> query)
    {
        _load?.Cancel();
        using var load = _load = new CancellationTokenSource();
        try
        {
            var data = await query(load.Token);
            if (!load.IsCancellationRequested) // a superseded load that ignored its token must not win
            {
                (Data, Error) = (data, null);
            }
        }
        catch (OperationCanceledException) when (load.IsCancellationRequested)
        {
            // Superseded by a newer load.
        }
        catch (FilterNotSupportedException e)
        {
            (Data, Error) = (null, $"This filter cannot be answered yet: {e.Message}");
        }
        catch (Exception e)
        {
            Loggers.CreateLogger(GetType()).LogWarning(e, "Query of {Subject} failed for {Range}", Subject, Selection);
            Error = $"Could not load {Subject}: {e.Message}"; // what was shown stays, under the message
        }
        finally
        {
            if (_load == load)
            {
                _load = null;
            }
        }
    }

    /// <summary>The page's own scope (e.g. <c>host X</c>) ANDed with the user's filter.</summary>
    protected FilterExpression Within(FilterExpression scope) => Filter is null ? scope : new AndFilter(scope, Filter);

    public void Dispose()
    {
        _refresh?.Dispose();
        _load?.Cancel();
        _persisting.Dispose();
        GC.SuppressFinalize(this);
    }
}
