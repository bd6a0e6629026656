using System.Security.Claims;
using System.Text.Encodings.Web;
using FlowViz.Identity.Audit;
using FlowViz.Identity.Data;
using FlowViz.Identity.Tokens;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace FlowViz.Web.Accounts;

/// <summary>
/// <c>Authorization: Bearer fvt_…</c>: the token's user, with its roles, as the principal. The token is looked
/// up on every request, so a revoked or expired one fails at once. Use is audited at most hourly per token
/// (last use is recorded on every request).
/// </summary>
internal sealed class ApiTokenAuthenticationHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options,
    ILoggerFactory logger,
    UrlEncoder encoder,
    ApiTokens tokens,
    AuditLog audit,
    UserManager<FlowVizUser> users,
    IUserClaimsPrincipalFactory<FlowVizUser> principals,
    TimeProvider time)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    private static readonly TimeSpan AuditEvery = TimeSpan.FromHours(1);

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        var header = Request.Headers.Authorization.ToString();
        if (!header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase))
        {
            return AuthenticateResult.NoResult();
        }
        var use = await tokens.UseAsync(header["Bearer ".Length..].Trim(), Context.RequestAborted);
        if (use is null || await users.FindByIdAsync(use.Token.UserId) is not { } user)
        {
            return AuthenticateResult.Fail("The API token is unknown, expired or revoked.");
        }
        // A locked account (by an admin, or after failed logins) must not keep working through its tokens.
        if (await users.IsLockedOutAsync(user))
        {
            return AuthenticateResult.Fail("The API token's account is locked.");
        }
        var principal = await principals.CreateAsync(user);
        var identity = new ClaimsIdentity(principal.Claims, Scheme.Name);
        identity.AddClaim(new Claim("token_id", use.Token.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        if (use.PreviousUse is not { } previous || time.GetUtcNow() - previous >= AuditEvery)
        {
            await audit.WriteAsync(user.UserName, AuditActions.TokenUsed, $"token {use.Token.Id} '{use.Token.Name}'",
                Context.Connection.RemoteIpAddress?.ToString(), Context.RequestAborted);
        }
        return AuthenticateResult.Success(new AuthenticationTicket(new ClaimsPrincipal(identity), Scheme.Name));
    }

    protected override Task HandleChallengeAsync(AuthenticationProperties properties)
    {
        Response.StatusCode = StatusCodes.Status401Unauthorized;
        Response.Headers.WWWAuthenticate = "Bearer";
        return Task.CompletedTask;
    }
}
