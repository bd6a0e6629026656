using System.Security.Cryptography;

namespace FlowViz.Web.Accounts;

/// <summary>
/// Security headers on every response, and a Content-Security-Policy under which Blazor and the charts work:
/// scripts only from this site plus the page's inline import map, which carries a per-response nonce
/// (<see cref="NonceOf"/>; App.razor puts it on the import map); styles may be inline because apexcharts sets
/// style attributes on the SVG it draws; the circuit's WebSocket is same-origin ('self').
/// </summary>
internal static class SecurityHeaders
{
    private const string NonceKey = "flowviz.csp-nonce";

    public static IApplicationBuilder UseSecurityHeaders(this IApplicationBuilder app) => app.Use(async (context, next) =>
    {
        var nonce = Convert.ToBase64String(RandomNumberGenerator.GetBytes(16));
        context.Items[NonceKey] = nonce;
        context.Response.OnStarting(() =>
        {
            var headers = context.Response.Headers;
            headers.ContentSecurityPolicy =
                $"default-src 'self'; script-src 'self' 'nonce-{nonce}'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; " +
                "font-src 'self'; connect-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'";
            headers.XContentTypeOptions = "nosniff";
            headers.XFrameOptions = "DENY";
            headers["Referrer-Policy"] = "no-referrer";
            headers["Cross-Origin-Opener-Policy"] = "same-origin";
            headers["Permissions-Policy"] = "camera=(), microphone=(), geolocation=()";
            return Task.CompletedTask;
        });
        await next(context);
    });

    /// <summary>The nonce of the current response's CSP, for the one inline script (the import map).</summary>
    public static string? NonceOf(HttpContext? context) => context?.Items[NonceKey] as string;
}
