using System.Security.Claims;
using FlowViz.Identity.Scoping;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.Extensions.Options;

namespace FlowViz.Web.Accounts;

/// <summary>
/// The viewer of the current HTTP request (API, prerendering) or Blazor circuit: a user's scope comes from
/// the database on every query; nobody logged in sees everything only when anonymous read is on, else nothing.
/// </summary>
internal sealed class PrincipalViewerScopeSource(
    IHttpContextAccessor http,
    AuthenticationStateProvider? circuitState,
    ViewerScopes scopes,
    IOptions<AuthOptions> options) : IViewerScopeSource
{
    public async Task<ViewerScope> GetAsync(CancellationToken cancellationToken)
    {
        var user = await CurrentUserAsync();
        if (user.Identity?.IsAuthenticated != true)
        {
            return options.Value.AnonymousRead ? ViewerScope.Everything : ViewerScope.None;
        }
        var userId = user.FindFirstValue(ClaimTypes.NameIdentifier);
        return userId is null ? ViewerScope.None : await scopes.ForUserAsync(userId, cancellationToken);
    }

    private async Task<ClaimsPrincipal> CurrentUserAsync()
    {
        // A request (API call, prerender) has its own authenticated user; a circuit has only its state provider.
        if (http.HttpContext is { } context)
        {
            return context.User;
        }
        return circuitState is null ? new ClaimsPrincipal() : (await circuitState.GetAuthenticationStateAsync()).User;
    }
}
