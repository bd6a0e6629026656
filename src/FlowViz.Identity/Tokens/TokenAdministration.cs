using FlowViz.Identity.Audit;
using FlowViz.Identity.Data;
using Microsoft.EntityFrameworkCore;

namespace FlowViz.Identity.Tokens;

/// <summary>
/// The tokens page's operations, with the rules of the tokens API (AdminApi): a user creates, lists and revokes
/// its own tokens; an admin (<c>userId</c> null) lists and revokes anyone's. Creating and revoking are audited.
/// </summary>
public sealed class TokenAdministration(ApiTokens tokens, AuditLog audit, IDbContextFactory<FlowVizIdentityDbContext> contexts)
{
    /// <summary>Makes a token; the secret is returned this once and never stored.</summary>
    public async Task<(ApiToken Token, string Secret)> CreateAsync(string userId, string actor, string name, int days, CancellationToken cancellationToken)
    {
        var created = await tokens.CreateAsync(userId, name, TimeSpan.FromDays(days), cancellationToken);
        await audit.WriteAsync(actor, AuditActions.TokenCreated, $"token {created.Token.Id} '{created.Token.Name}'", null, cancellationToken);
        return created;
    }

    /// <summary>The tokens of <paramref name="userId"/>, or of every user when null (admins), newest first.</summary>
    public async Task<IReadOnlyList<TokenListing>> ListAsync(string? userId, CancellationToken cancellationToken)
    {
        var list = await tokens.ListAsync(userId, cancellationToken);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var owners = list.Select(t => t.UserId).Distinct().ToList();
        var names = await db.Users.Where(u => owners.Contains(u.Id)).ToDictionaryAsync(u => u.Id, u => u.UserName ?? u.Id, cancellationToken);
        return [.. list.OrderByDescending(t => t.Id).Select(t => new TokenListing(t, names.GetValueOrDefault(t.UserId, "(deleted user)")))];
    }

    /// <summary>Revokes a token of <paramref name="userId"/> (any user's when null); false when there is no such live token.</summary>
    public async Task<bool> RevokeAsync(long tokenId, string? userId, string actor, CancellationToken cancellationToken)
    {
        var visible = (await tokens.ListAsync(userId, cancellationToken)).Any(t => t.Id == tokenId);
        if (!visible || !await tokens.RevokeAsync(tokenId, cancellationToken))
        {
            return false;
        }
        await audit.WriteAsync(actor, AuditActions.TokenRevoked, $"token {tokenId}", null, cancellationToken);
        return true;
    }
}
