using FlowViz.Identity.Audit;
using FlowViz.Identity.Data;
using FlowViz.Identity.Tenants;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace FlowViz.Identity.Oidc;

/// <summary>
/// Turns a provider-vouched <see cref="OidcIdentity"/> into a FlowViz user: found by its external login (issuer and
/// subject), else created (or, when allowed, linked to the local user of the same name) on its first login. The
/// provider is the source of truth for SSO users: their role and tenant memberships are set from the claims at every
/// login. Refuses, with the reason, a login with no role, a tenant viewer with no known tenant, a name clash and a
/// locked account. Every outcome is audited.
/// </summary>
public sealed class OidcUserProvisioner(
    UserManager<FlowVizUser> users,
    IDbContextFactory<FlowVizIdentityDbContext> contexts,
    AuditLog audit,
    TimeProvider time)
{
    /// <summary>The <c>user_logins.login_provider</c> of SSO logins.</summary>
    public const string LoginProvider = "oidc";

    public async Task<OidcOutcome> SignInAsync(OidcIdentity identity, OidcSettings settings, string? remoteAddress, CancellationToken cancellationToken)
    {
        if (identity.Role is null)
        {
            var wanted = string.Join(", ", settings.RoleValues.Values.Order(StringComparer.Ordinal));
            return await RefuseAsync(identity, $"the provider gave no FlowViz role (claim '{settings.RoleClaim}' holds none of: {wanted})", remoteAddress, cancellationToken);
        }
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var tenantIds = await db.Tenants.Where(t => identity.Tenants.Contains(t.Name)).Select(t => t.Id).ToListAsync(cancellationToken);
        if (identity.Role == Roles.TenantViewer && tenantIds.Count == 0)
        {
            return await RefuseAsync(identity,
                $"a tenant viewer needs a tenant, and claim '{settings.TenantClaim}' names none that exists ({string.Join(", ", identity.Tenants)})",
                remoteAddress, cancellationToken);
        }

        var user = await users.FindByLoginAsync(LoginProvider, identity.ProviderKey);
        if (user is null)
        {
            var (found, refusal) = await FirstLoginAsync(identity, settings, cancellationToken);
            if (refusal is not null)
            {
                return await RefuseAsync(identity, refusal, remoteAddress, cancellationToken);
            }
            user = found!;
        }
        if (await users.IsLockedOutAsync(user))
        {
            return await RefuseAsync(identity, $"the account '{user.UserName}' is locked", remoteAddress, cancellationToken);
        }

        await SetRoleAsync(user, identity.Role);
        await SetTenantsAsync(db, user.Id, tenantIds, cancellationToken);
        var detail = identity.Role == Roles.TenantViewer ? $"{identity.Role} of {string.Join(", ", identity.Tenants)}" : identity.Role;
        await audit.WriteAsync(user.UserName, OidcAuditActions.Login, $"{detail} (sub {identity.Subject} of {identity.Issuer})", remoteAddress, cancellationToken);
        return new OidcOutcome(user, null);
    }

    private async Task<(FlowVizUser? User, string? Refusal)> FirstLoginAsync(OidcIdentity identity, OidcSettings settings, CancellationToken cancellationToken)
    {
        var userName = UserNameFor(identity.UserName);
        var login = new UserLoginInfo(LoginProvider, identity.ProviderKey, settings.DisplayName);
        var existing = await users.FindByNameAsync(userName);
        if (existing is not null)
        {
            if (!settings.LinkExistingUsers)
            {
                return (null, $"the user name '{userName}' belongs to a local account (Auth:Oidc:LinkExistingUsers is off)");
            }
            Check(await users.AddLoginAsync(existing, login));
            await audit.WriteAsync("flowviz", OidcAuditActions.UserLinked, $"{userName} ↔ sub {identity.Subject} of {identity.Issuer}", null, cancellationToken);
            return (existing, null);
        }
        // No password: an SSO user can log in only through the provider.
        var user = new FlowVizUser { UserName = userName, CreatedAt = time.GetUtcNow() };
        Check(await users.CreateAsync(user));
        Check(await users.AddLoginAsync(user, login));
        await audit.WriteAsync("flowviz", OidcAuditActions.UserProvisioned, $"{userName} for sub {identity.Subject} of {identity.Issuer}", null, cancellationToken);
        return (user, null);
    }

    private async Task SetRoleAsync(FlowVizUser user, string role)
    {
        var current = await users.GetRolesAsync(user);
        if (current.Count == 1 && current[0] == role)
        {
            return;
        }
        Check(await users.RemoveFromRolesAsync(user, current));
        Check(await users.AddToRoleAsync(user, role));
    }

    private static async Task SetTenantsAsync(FlowVizIdentityDbContext db, string userId, List<long> tenantIds, CancellationToken cancellationToken)
    {
        await db.UserTenants.Where(m => m.UserId == userId && !tenantIds.Contains(m.TenantId)).ExecuteDeleteAsync(cancellationToken);
        var kept = await db.UserTenants.Where(m => m.UserId == userId).Select(m => m.TenantId).ToListAsync(cancellationToken);
        db.UserTenants.AddRange(tenantIds.Except(kept).Select(id => new UserTenant { UserId = userId, TenantId = id }));
        await db.SaveChangesAsync(cancellationToken);
    }

    private async Task<OidcOutcome> RefuseAsync(OidcIdentity identity, string reason, string? remoteAddress, CancellationToken cancellationToken)
    {
        await audit.WriteAsync(identity.UserName, OidcAuditActions.Refused, $"{reason} (sub {identity.Subject} of {identity.Issuer})", remoteAddress, cancellationToken);
        return new OidcOutcome(null, reason);
    }

    // Identity's AllowedUserNameCharacters (IdentityServiceCollectionExtensions); anything else becomes '_'.
    private static string UserNameFor(string claimed) => new([.. claimed.Select(c =>
        char.IsAsciiLetterOrDigit(c) || c is '-' or '.' or '_' or '@' ? c : '_')]);

    private static void Check(IdentityResult result)
    {
        if (!result.Succeeded)
        {
            throw new AccountException($"Could not save the SSO user: {string.Join(" ", result.Errors.Select(e => e.Description))}");
        }
    }
}
