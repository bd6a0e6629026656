using FlowViz.Identity.Audit;
using FlowViz.Identity.Data;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;

namespace FlowViz.Web.Accounts;

/// <summary>
/// <c>POST /account/login</c> and <c>POST /account/logout</c>, posted by the login page and the layout's form.
/// Form binding makes ASP.NET Core check the antiforgery token; login is rate-limited per client address and
/// an account locks after repeated failures (Identity's lockout). Every attempt is audited.
/// </summary>
internal static class AccountEndpoints
{
    public static IEndpointRouteBuilder MapAccountEndpoints(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapPost("/account/login", LoginAsync).RequireRateLimiting(AuthPolicies.LoginRateLimit);
        endpoints.MapPost("/account/logout", LogoutAsync);
        return endpoints;
    }

    private static async Task<IResult> LoginAsync(
        [FromForm(Name = "username")] string? userName,
        [FromForm(Name = "password")] string? password,
        [FromForm(Name = "returnUrl")] string? returnUrl,
        HttpContext http,
        SignInManager<FlowVizUser> signIn,
        AuditLog audit)
    {
        var remote = http.Connection.RemoteIpAddress?.ToString();
        var target = IsLocal(returnUrl) ? returnUrl! : "/";
        if (string.IsNullOrWhiteSpace(userName) || string.IsNullOrEmpty(password))
        {
            return Results.Redirect(LoginPage("missing", target));
        }
        var result = await signIn.PasswordSignInAsync(userName, password, isPersistent: false, lockoutOnFailure: true);
        if (result.Succeeded)
        {
            await audit.WriteAsync(userName, AuditActions.Login, null, remote, http.RequestAborted);
            return Results.LocalRedirect(target);
        }
        var action = result.IsLockedOut ? AuditActions.LockedOut : AuditActions.LoginFailed;
        await audit.WriteAsync(userName, action, null, remote, http.RequestAborted);
        // The same answer for an unknown user and a wrong password; lockout is said, as Identity reports it only for real accounts.
        return Results.Redirect(LoginPage(result.IsLockedOut ? "locked" : "failed", target));
    }

    private static async Task<IResult> LogoutAsync(HttpContext http, SignInManager<FlowVizUser> signIn, AuditLog audit)
    {
        if (http.User.Identity?.IsAuthenticated == true)
        {
            await audit.WriteAsync(http.User.Identity.Name, AuditActions.Logout, null, http.Connection.RemoteIpAddress?.ToString(), http.RequestAborted);
        }
        await signIn.SignOutAsync();
        return Results.Redirect("/login");
    }

    private static string LoginPage(string error, string returnUrl) =>
        $"/login?error={error}&returnUrl={Uri.EscapeDataString(returnUrl)}";

    // Only paths on this site: "//evil.example" and "/\evil.example" are other hosts to a browser.
    private static bool IsLocal(string? url) =>
        !string.IsNullOrEmpty(url) && url[0] == '/' && (url.Length == 1 || (url[1] != '/' && url[1] != '\\'));
}
