using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Http;
using Microsoft.JSInterop;

namespace FlowViz.Web.Components.Time;

/// <summary>
/// The browser's time zone, asked once per circuit (scoped). Until it is known, and whenever the browser
/// cannot tell or names a zone this server does not know, times are shown in UTC.
/// The browser module keeps the zone it reports in the <see cref="CookieName"/> cookie, so the requests after the first
/// (the prerender, and the circuit's own start) already know it: the prerendered page and its charts are drawn in the
/// user's zone, not in UTC and then again once the circuit asks.
/// </summary>
public sealed partial class BrowserTimeZone
{
    public const string CookieName = "flowviz-tz";

    private const string ModulePath = "./lib/flowviz-browser.js";

    private readonly IJSRuntime _js;
    private Task<TimeZoneInfo>? _lookup;

    /// <param name="js">The circuit's interop, to ask the browser.</param>
    /// <param name="http">The request this scope serves: the page's, when prerendering; the circuit's start, when interactive.</param>
    public BrowserTimeZone(IJSRuntime js, IHttpContextAccessor http)
    {
        _js = js;
        FromCookie = ZoneOfCookie(http.HttpContext?.Request.Cookies[CookieName]);
        Current = FromCookie ?? TimeZoneInfo.Utc;
    }

    /// <summary>The zone of the request's cookie when it names a zone this server knows; else null.</summary>
    public TimeZoneInfo? FromCookie { get; }

    public TimeZoneInfo Current { get; private set; }

    /// <summary>Call from OnAfterRenderAsync: JS interop is unavailable while prerendering.</summary>
    public Task<TimeZoneInfo> GetAsync() => _lookup ??= LookUpAsync();

    /// <summary>
    /// The zone a cookie value names: an IANA id ("Europe/Berlin", "America/Argentina/Buenos_Aires", "Etc/GMT+3") that
    /// this server's zone database holds. The value comes from the client, so it is checked by its shape first; the id
    /// becomes a path under the zone database on Linux.
    /// </summary>
    public static TimeZoneInfo? ZoneOfCookie(string? value) =>
        value is not null && ZoneId().IsMatch(value) && !value.Contains("..", StringComparison.Ordinal)
        && TimeZoneInfo.TryFindSystemTimeZoneById(value, out var zone) ? zone : null;

    private async Task<TimeZoneInfo> LookUpAsync()
    {
        try
        {
            await using var module = await _js.InvokeAsync<IJSObjectReference>("import", ModulePath);
            var id = await module.InvokeAsync<string>("timeZone");
            Current = TimeZoneInfo.TryFindSystemTimeZoneById(id, out var zone) ? zone : TimeZoneInfo.Utc;
        }
        catch (Exception e) when (e is JSException or JSDisconnectedException or TaskCanceledException)
        {
            Current = FromCookie ?? TimeZoneInfo.Utc;
        }
        return Current;
    }

    [GeneratedRegex("^[A-Za-z][A-Za-z0-9_+/-]{0,63}$")]
    private static partial Regex ZoneId();
}
