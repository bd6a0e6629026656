using FlowViz.Identity.Data;
using Microsoft.EntityFrameworkCore;

namespace FlowViz.Identity.Tokens;

/// <summary>Creates, checks, lists and revokes API tokens. A revoked or expired token fails its next check.</summary>
public sealed class ApiTokens(IDbContextFactory<FlowVizIdentityDbContext> contexts, TimeProvider time)
{
    public static readonly TimeSpan MaxLifetime = TimeSpan.FromDays(366 * 2);

    /// <summary>Makes a token for <paramref name="userId"/>; the returned secret is shown once and never stored.</summary>
    public async Task<(ApiToken Token, string Secret)> CreateAsync(string userId, string name, TimeSpan lifetime, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(name) || name.Length > 100)
        {
            throw new ArgumentException("A token needs a name of 1 to 100 characters.", nameof(name));
        }
        if (lifetime <= TimeSpan.Zero || lifetime > MaxLifetime)
        {
            throw new ArgumentOutOfRangeException(nameof(lifetime), lifetime, $"A token lives more than 0 and at most {MaxLifetime.TotalDays} days.");
        }
        var secret = ApiTokenSecret.Create();
        var now = time.GetUtcNow();
        var token = new ApiToken
        {
            UserId = userId,
            Name = name.Trim(),
            Prefix = secret[..ApiTokenSecret.PrefixLength],
            Hash = ApiTokenSecret.Hash(secret),
            CreatedAt = now,
            ExpiresAt = now + lifetime,
        };
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        db.ApiTokens.Add(token);
        await db.SaveChangesAsync(cancellationToken);
        return (token, secret);
    }

    /// <summary>
    /// The token whose secret this is, when it is neither revoked nor expired, with its last use before this one;
    /// records this use. Null for anything else.
    /// </summary>
    public async Task<TokenUse?> UseAsync(string secret, CancellationToken cancellationToken)
    {
        if (!ApiTokenSecret.LooksLikeToken(secret))
        {
            return null;
        }
        var hash = ApiTokenSecret.Hash(secret);
        var now = time.GetUtcNow();
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var token = await db.ApiTokens.AsNoTracking().SingleOrDefaultAsync(t => t.Hash == hash, cancellationToken);
        if (token is null || !token.IsUsableAt(now))
        {
            return null;
        }
        await db.ApiTokens.Where(t => t.Id == token.Id).ExecuteUpdateAsync(set => set.SetProperty(t => t.LastUsedAt, now), cancellationToken);
        return new TokenUse(token, token.LastUsedAt);
    }

    public async Task<IReadOnlyList<ApiToken>> ListAsync(string? userId, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var tokens = db.ApiTokens.AsNoTracking();
        if (userId is not null)
        {
            tokens = tokens.Where(t => t.UserId == userId);
        }
        return await tokens.OrderBy(t => t.Id).ToListAsync(cancellationToken);
    }

    /// <summary>Revokes at once (the next request with it gets 401); false when there is no such live token.</summary>
    public async Task<bool> RevokeAsync(long tokenId, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var now = time.GetUtcNow();
        var changed = await db.ApiTokens.Where(t => t.Id == tokenId && t.RevokedAt == null)
            .ExecuteUpdateAsync(set => set.SetProperty(t => t.RevokedAt, now), cancellationToken);
        return changed == 1;
    }
}
