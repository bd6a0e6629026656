using FlowViz.Core.Filtering;
using FlowViz.Web.Components.Filtering;
using FlowViz.Web.Components.Time;
using Microsoft.AspNetCore.Components;

namespace FlowViz.Web.Components.Pages;

/// <summary>
/// The URL state every traffic page shares — range (<c>range</c> or <c>from</c>/<c>to</c>), <c>filter</c> and
/// <c>tz</c> — with the browser's time zone and the handlers that write a change back into the URL, so the page's
/// state stays shareable and Back works. Pages compare the URL's values with what they last loaded.
/// </summary>
public abstract class TrafficPage : ComponentBase
{
    [Inject] protected NavigationManager Navigation { get; set; } = default!;
    [Inject] protected TimeProvider Clock { get; set; } = default!;
    [Inject] private BrowserTimeZone BrowserZone { get; set; } = default!;

    [SupplyParameterFromQuery(Name = "range")] public string? RangeText { get; set; }
    [SupplyParameterFromQuery(Name = "from")] public string? FromText { get; set; }
    [SupplyParameterFromQuery(Name = "to")] public string? ToText { get; set; }
    [SupplyParameterFromQuery(Name = "filter")] public string? FilterText { get; set; }
    [SupplyParameterFromQuery(Name = "tz")] public string? ZoneText { get; set; }

    /// <summary>The browser's zone once it is known (UTC until then).</summary>
    protected TimeZoneInfo BrowserZoneInfo { get; private set; } = TimeZoneInfo.Utc;

    protected bool BrowserZoneKnown { get; private set; }

    /// <summary><c>tz=utc</c> in the URL.</summary>
    protected bool InUtc => string.Equals(ZoneText, "utc", StringComparison.OrdinalIgnoreCase);

    /// <summary>The zone times are shown in.</summary>
    protected TimeZoneInfo Zone => InUtc ? TimeZoneInfo.Utc : BrowserZoneInfo;

    protected RangeSelection UrlRange => RangeSelection.Parse(RangeText, FromText, ToText);

    /// <summary>The URL's filter text; null when there is none (blank counts as none).</summary>
    protected string? UrlFilterText => string.IsNullOrWhiteSpace(FilterText) ? null : FilterText;

    /// <summary>
    /// The filter <paramref name="text"/> parsed, or the message a page shows instead of its traffic when the text
    /// does not parse (the filter box marks where): nothing is drawn rather than traffic the filter was meant to narrow.
    /// </summary>
    protected static (FilterExpression? Filter, string? Error) ParseFilter(string? text) =>
        text is null ? (null, null)
        : FilterBox.Check(text) is { } problem ? (null, $"The filter in the address does not parse: {problem}. Fix it above.")
        : (FilterParser.Parse(text), null);

    protected override async Task OnAfterRenderAsync(bool firstRender)
    {
        if (!firstRender)
        {
            return;
        }
        BrowserZoneInfo = await BrowserZone.GetAsync();
        BrowserZoneKnown = true;
        StateHasChanged();
    }

    protected void OnRangeChanged(RangeSelection selection) =>
        Navigation.NavigateTo(Navigation.GetUriWithQueryParameters(selection.ToQueryParameters()));

    protected void OnFilterChanged(string? filter) =>
        Navigation.NavigateTo(Navigation.GetUriWithQueryParameter("filter", filter));

    protected void OnZoneChanged(bool utc) =>
        Navigation.NavigateTo(Navigation.GetUriWithQueryParameter("tz", utc ? "utc" : null));
}
