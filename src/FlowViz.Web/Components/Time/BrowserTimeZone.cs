using Microsoft.JSInterop;

namespace FlowViz.Web.Components.Time;

/// <summary>
/// The browser's time zone, asked once per circuit (scoped). Until it is known, and whenever the browser
/// cannot tell or names a zone this server does not know, times are shown in UTC.
/// </summary>
public sealed class BrowserTimeZone(IJSRuntime js)
{
    private const string ModulePath = "./lib/flowviz-browser.js";

    private Task<TimeZoneInfo>? _lookup;

    public TimeZoneInfo Current { get; private set; } = TimeZoneInfo.Utc;

    /// <summary>Call from OnAfterRenderAsync: JS interop is unavailable while prerendering.</summary>
    public Task<TimeZoneInfo> GetAsync() => _lookup ??= LookUpAsync();

    private async Task<TimeZoneInfo> LookUpAsync()
    {
        try
        {
            await using var module = await js.InvokeAsync<IJSObjectReference>("import", ModulePath);
            var id = await module.InvokeAsync<string>("timeZone");
            Current = TimeZoneInfo.TryFindSystemTimeZoneById(id, out var zone) ? zone : TimeZoneInfo.Utc;
        }
        catch (Exception e) when (e is JSException or JSDisconnectedException or TaskCanceledException)
        {
            Current = TimeZoneInfo.Utc;
        }
        return Current;
    }
}
