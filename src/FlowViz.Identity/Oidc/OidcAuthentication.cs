using FlowViz.Identity.Data;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.OpenIdConnect;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.AspNetCore.Routing;

namespace FlowViz.Identity.Oidc;

/// <summary>
/// The OpenID Connect scheme, when <see cref="OidcSettings.IsEnabled"/>: authorization code flow with PKCE and a
/// client secret, claims kept under their id_token names. Once the provider's id_token is validated (signature from
/// its JWKS, issuer, audience, nonce), <see cref="OidcUserProvisioner"/> maps it to a FlowViz user and the handler
/// signs that user in with the ordinary login cookie, exactly as a password login would; a refused login goes back
/// to <c>/login?error=sso</c> and is audited.
/// </summary>
public static class OidcAuthentication
{
    public const string Scheme = "oidc";

    /// <summary>Where the login page's button points (<c>?returnUrl=/path</c> optional).</summary>
    public const string StartPath = "/account/sso";

    /// <summary>
    /// Where the provider's answer lands once the cookie is set. The answer is a cross-site POST (form_post), and a
    /// browser withholds a SameSite=Strict cookie along a redirect chain that a cross-site request started; this
    /// page moves on by a meta refresh, a navigation FlowViz itself starts, so the login cookie comes along.
    /// </summary>
    public const string DonePath = "/account/sso/done";

    private const string RefusedItem = "flowviz.sso.refused";

    /// <summary>Adds the scheme when <paramref name="settings"/> enable it; throws with every problem when they are wrong.</summary>
    public static AuthenticationBuilder AddFlowVizOidc(this AuthenticationBuilder builder, OidcSettings settings, bool secureCookies)
    {
        builder.Services.TryAddSingleton(settings);
        if (!settings.IsEnabled)
        {
            return settings.Problems() is { Count: > 0 } incomplete ? throw new InvalidOperationException(string.Join(" ", incomplete)) : builder;
        }
        if (settings.Problems() is { Count: > 0 } problems)
        {
            throw new InvalidOperationException(string.Join(" ", problems));
        }
        builder.Services.AddScoped<OidcUserProvisioner>();
        return builder.AddOpenIdConnect(Scheme, settings.DisplayName, options =>
        {
            options.Authority = settings.Authority;
            options.ClientId = settings.ClientId;
            options.ClientSecret = settings.ClientSecret;
            options.ResponseType = "code";
            options.UsePkce = true;
            options.Scope.Clear();
            foreach (var scope in (string[])["openid", "profile", .. settings.Scopes])
            {
                options.Scope.Add(scope);
            }
            // Claim names as the provider wrote them, so RoleClaim and TenantClaim name what an admin sees in a token.
            options.MapInboundClaims = false;
            options.RequireHttpsMetadata = settings.RequireHttpsMetadata;
            options.SignInScheme = IdentityConstants.ApplicationScheme;
            options.SaveTokens = false;
            var secure = secureCookies ? CookieSecurePolicy.Always : CookieSecurePolicy.SameAsRequest;
            options.CorrelationCookie.SecurePolicy = secure;
            options.NonceCookie.SecurePolicy = secure;
            options.Events.OnTokenValidated = context => SignInAsync(context, settings);
            options.Events.OnRemoteFailure = RefuseAsync;
        });
    }

    /// <summary>Maps <see cref="StartPath"/>, which sends the browser to the provider; nothing when SSO is off.</summary>
    public static IEndpointRouteBuilder MapFlowVizOidc(this IEndpointRouteBuilder endpoints)
    {
        if (endpoints.ServiceProvider.GetService<OidcSettings>() is not { IsEnabled: true })
        {
            return endpoints;
        }
        endpoints.MapGet(StartPath, (string? returnUrl) => Results.Challenge(
            new AuthenticationProperties { RedirectUri = $"{DonePath}?returnUrl={Uri.EscapeDataString(IsLocal(returnUrl) ? returnUrl! : "/")}" },
            [Scheme]));
        endpoints.MapGet(DonePath, (string? returnUrl) =>
        {
            var target = System.Net.WebUtility.HtmlEncode(IsLocal(returnUrl) ? returnUrl! : "/");
            return Results.Content(
                $"""<!DOCTYPE html><html><head><meta http-equiv="refresh" content="0;url={target}"><title>FlowViz</title></head><body><a href="{target}">Continue</a></body></html>""",
                "text/html");
        });
        return endpoints;
    }

    private static async Task SignInAsync(TokenValidatedContext context, OidcSettings settings)
    {
        var services = context.HttpContext.RequestServices;
        var identity = OidcClaimMapping.Map(context.Principal!, settings);
        var outcome = await services.GetRequiredService<OidcUserProvisioner>().SignInAsync(
            identity, settings, context.HttpContext.Connection.RemoteIpAddress?.ToString(), context.HttpContext.RequestAborted);
        if (outcome.User is null)
        {
            context.HttpContext.Items[RefusedItem] = true;
            context.Fail(outcome.Refusal!);
            return;
        }
        // The FlowViz principal (user id, name, roles, security stamp) replaces the provider's: the cookie then
        // carries what a password login's would, and the security stamp check applies to it alike.
        context.Principal = await services.GetRequiredService<SignInManager<FlowVizUser>>().CreateUserPrincipalAsync(outcome.User);
    }

    private static async Task RefuseAsync(RemoteFailureContext context)
    {
        if (!context.HttpContext.Items.ContainsKey(RefusedItem))
        {
            // A bad state, signature, nonce or code: the provisioner never saw it, so it is audited here.
            await context.HttpContext.RequestServices.GetRequiredService<Audit.AuditLog>().WriteAsync(null, OidcAuditActions.Refused,
                context.Failure?.Message, context.HttpContext.Connection.RemoteIpAddress?.ToString(), context.HttpContext.RequestAborted);
        }
        context.Response.Redirect("/login?error=sso");
        context.HandleResponse();
    }

    // Only paths on this site: "//evil.example" and "/\evil.example" are other hosts to a browser.
    private static bool IsLocal(string? url) =>
        !string.IsNullOrEmpty(url) && url[0] == '/' && (url.Length == 1 || (url[1] != '/' && url[1] != '\\'));
}
