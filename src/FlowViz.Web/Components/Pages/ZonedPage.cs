using FlowViz.Web.Components.Time;
using Microsoft.AspNetCore.Components;

namespace FlowViz.Web.Components.Pages;

/// <summary>
/// The time-zone state every page that shows times shares: <c>tz=utc</c> in the URL or the browser's own zone (read
/// after the first render, UTC until then), and the handler that writes a switch back into the URL. Traffic pages get it
/// through <see cref="TrafficPage"/>; pages without a range (Exporters) derive from it directly.
/// </summary>
public abstract class ZonedPage : ComponentBase
{
    [Inject] protected NavigationManager Navigation { get; set; } = default!;
    [Inject] protected TimeProvider Clock { get; set; } = default!;
    [Inject] private BrowserTimeZone BrowserZone { get; set; } = default!;

    [SupplyParameterFromQuery(Name = "tz")] public string? ZoneText { get; set; }

    /// <summary>The browser's zone once it is known (UTC until then).</summary>
    protected TimeZoneInfo BrowserZoneInfo { get; private set; } = TimeZoneInfo.Utc;

    protected bool BrowserZoneKnown { get; private set; }

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
        BrowserZoneInfo = await BrowserZone.GetAsync();
        BrowserZoneKnown = true;
        StateHasChanged();
    }

    protected void OnZoneChanged(bool utc) =>
        Navigation.NavigateTo(Navigation.GetUriWithQueryParameter("tz", utc ? "utc" : null));
}
