using FlowViz.Web.Components.Time;
using Microsoft.AspNetCore.Components;

namespace FlowViz.Web.Components.Pages;

/// <summary>
/// The time-zone state every page that shows times shares: <c>tz=utc</c> in the URL or the browser's own zone (read
/// after the first render; until then the zone the browser reported on an earlier page, kept in a cookie by
/// <see cref="BrowserTimeZone"/>, else UTC), and the handler that writes a switch back into the URL. Traffic pages get it
/// through <see cref="TrafficPage"/>; pages without a range (Exporters) derive from it directly.
/// </summary>
public abstract class ZonedPage : ComponentBase
{
    [Inject] protected NavigationManager Navigation { get; set; } = default!;
    [Inject] protected TimeProvider Clock { get; set; } = default!;
    [Inject] private BrowserTimeZone BrowserZone { get; set; } = default!;

    [SupplyParameterFromQuery(Name = "tz")] public string? ZoneText { get; set; }

    private TimeZoneInfo? _browserZone;
    private bool _browserZoneAsked;

    /// <summary>The browser's zone once it is known (the cookie's, else UTC, until then).</summary>
    protected TimeZoneInfo BrowserZoneInfo => _browserZone ?? BrowserZone.FromCookie ?? TimeZoneInfo.Utc;

    protected bool BrowserZoneKnown => _browserZoneAsked || BrowserZone.FromCookie is not null;

    /// <summary><c>tz=utc</c> in the URL.</summary>
    protected bool InUtc => string.Equals(ZoneText, "utc", StringComparison.OrdinalIgnoreCase);

    /// <summary>The zone times are shown in.</summary>
    protected TimeZoneInfo Zone => InUtc ? TimeZoneInfo.Utc : BrowserZoneInfo;

    protected override async Task OnAfterRenderAsync(bool firstRender)
    {
        if (!firstRender)
        {
            return;
        }
        _browserZone = await BrowserZone.GetAsync();
        _browserZoneAsked = true;
        StateHasChanged();
    }

    protected void OnZoneChanged(bool utc) =>
        Navigation.NavigateTo(Navigation.GetUriWithQueryParameter("tz", utc ? "utc" : null));
}
