using System.Globalization;
using System.Security.Claims;
using FlowViz.Identity;
using FlowViz.Identity.Tokens;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;

namespace FlowViz.Web.Components.Pages;

/// <summary>
/// API tokens for every signed-in user: create (the secret is shown once), list with last use and expiry,
/// revoke. Admins see and revoke everyone's. <see cref="TokenAdministration"/> applies the same rules as the API.
/// </summary>
public partial class Tokens
{
    private IReadOnlyList<TokenListing> _tokens = [];
    private string _name = "";
    private int _days = 90;
    private (string Name, string Secret)? _created;
    private bool _isAdmin;
    private string _userId = "";
    private string _userName = "";
    private string? _error;

    [Inject] private TokenAdministration Store { get; set; } = default!;
    [Inject] private TimeProvider Clock { get; set; } = default!;
    [CascadingParameter] private Task<AuthenticationState> Authentication { get; set; } = default!;

    protected override async Task OnInitializedAsync()
    {
        var user = (await Authentication).User;
        (_userId, _userName, _isAdmin) = (user.FindFirstValue(ClaimTypes.NameIdentifier) ?? "", user.Identity?.Name ?? "", user.IsInRole(Roles.Admin));
        await ReloadAsync();
    }

    // An admin lists everyone's (null); anyone else only their own.
    private string? Owner => _isAdmin ? null : _userId;

    private async Task ReloadAsync() => _tokens = await Store.ListAsync(Owner, CancellationToken.None);

    private string StateOf(ApiToken token) =>
        token.RevokedAt is not null ? "revoked" : token.ExpiresAt <= Clock.GetUtcNow() ? "expired" : "active";

    private static string Utc(DateTimeOffset at) => at.UtcDateTime.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture);

    private async Task CreateAsync()
    {
        _error = null;
        try
        {
            var (token, secret) = await Store.CreateAsync(_userId, _userName, _name, _days, CancellationToken.None);
            (_created, _name) = ((token.Name, secret), "");
        }
        catch (ArgumentException e)
        {
            _error = e.Message;
        }
        await ReloadAsync();
    }

    private async Task RevokeAsync(long tokenId)
    {
        _error = await Store.RevokeAsync(tokenId, Owner, _userName, CancellationToken.None) ? null : "That token is not yours or is already revoked.";
        await ReloadAsync();
    }
}
