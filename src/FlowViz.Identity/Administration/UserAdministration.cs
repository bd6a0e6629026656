using FlowViz.Identity.Audit;
using FlowViz.Identity.Data;
using FlowViz.Identity.Tenants;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace FlowViz.Identity.Administration;

/// <summary>
/// The users page's operations over <see cref="UserAccounts"/>: list, create, change role and tenant, lock,
/// unlock, delete. FlowViz never loses its last administrator: the last unlocked admin cannot be demoted, locked
/// or deleted. Every change is audited under its actor.
/// Each operation runs in a DI scope of its own: Identity's <see cref="UserManager{TUser}"/> tracks the users it
/// loaded, and a Blazor circuit lives long enough for those copies to go stale under another admin's changes.
/// </summary>
public sealed class UserAdministration(IServiceScopeFactory scopes, IDbContextFactory<FlowVizIdentityDbContext> contexts, AuditLog audit, TimeProvider time)
{
    public async Task<IReadOnlyList<UserSummary>> ListAsync(CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var users = await db.Users.AsNoTracking().OrderBy(u => u.UserName).ToListAsync(cancellationToken);
        var roles = await db.UserRoles.AsNoTracking().ToListAsync(cancellationToken);
        var tenants = await db.UserTenants.Join(db.Tenants, m => m.TenantId, t => t.Id, (m, t) => new { m.UserId, t.Name })
            .OrderBy(r => r.Name).ToListAsync(cancellationToken);
        return [.. users.Select(u => new UserSummary(
            u.Id,
            u.UserName!,
            roles.FirstOrDefault(r => r.UserId == u.Id)?.RoleId ?? "(none)", // role ids are the role names (0007)
            [.. tenants.Where(t => t.UserId == u.Id).Select(t => t.Name)],
            u.LockoutEnd,
            u.CreatedAt))];
    }

    /// <summary>Creates an account with its role and (for a tenant viewer) its tenant.</summary>
    public Task<FlowVizUser> CreateAsync(string userName, string password, string role, string? tenantName, string actor, CancellationToken cancellationToken) =>
        InScopeAsync(services => services.GetRequiredService<UserAccounts>().CreateAsync(
            userName.Trim(), password, role, string.IsNullOrWhiteSpace(tenantName) ? [] : [tenantName], actor, cancellationToken));

    public Task SetRoleAsync(string userName, string role, string actor, CancellationToken cancellationToken) =>
        InScopeAsync(async services =>
        {
            if (role != Roles.Admin)
            {
                await GuardLastAdminAsync(Users(services), userName, "demote");
            }
            await services.GetRequiredService<UserAccounts>().SetRoleAsync(userName, role, actor, cancellationToken);
            return 0;
        });

    /// <summary>Makes <paramref name="tenantId"/> the user's only tenant (null: none).</summary>
    public async Task SetTenantAsync(string userName, long? tenantId, string actor, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var userId = await db.Users.Where(u => u.UserName == userName).Select(u => u.Id).SingleOrDefaultAsync(cancellationToken)
            ?? throw new AccountException($"There is no user '{userName}'.");
        var tenantName = tenantId is null ? null
            : await db.Tenants.Where(t => t.Id == tenantId).Select(t => t.Name).SingleOrDefaultAsync(cancellationToken)
              ?? throw new AccountException($"There is no tenant {tenantId}.");
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        await db.UserTenants.Where(m => m.UserId == userId).ExecuteDeleteAsync(cancellationToken);
        if (tenantId is { } id)
        {
            db.UserTenants.Add(new UserTenant { UserId = userId, TenantId = id });
            await db.SaveChangesAsync(cancellationToken);
        }
        await transaction.CommitAsync(cancellationToken);
        await audit.WriteAsync(actor, AuditActions.UserChanged, $"{userName} is now in {(tenantName is null ? "no tenant" : $"tenant '{tenantName}'")}", null, cancellationToken);
    }

    /// <summary>Locks until unlocked; the new security stamp makes the login cookie fail its next check (within a minute).</summary>
    public Task LockAsync(string userName, string actor, CancellationToken cancellationToken) =>
        InScopeAsync(async services =>
        {
            var users = Users(services);
            var user = await GuardLastAdminAsync(users, userName, "lock");
            Check(await users.SetLockoutEnabledAsync(user, true), userName);
            Check(await users.SetLockoutEndDateAsync(user, DateTimeOffset.MaxValue), userName);
            Check(await users.UpdateSecurityStampAsync(user), userName);
            await audit.WriteAsync(actor, AuditActions.UserChanged, $"{userName} locked", null, cancellationToken);
            return 0;
        });

    /// <summary>Lifts a lock, the admin's or the one after repeated failed logins, and forgets those failures.</summary>
    public Task UnlockAsync(string userName, string actor, CancellationToken cancellationToken) =>
        InScopeAsync(async services =>
        {
            var users = Users(services);
            var user = await FindAsync(users, userName);
            Check(await users.SetLockoutEndDateAsync(user, null), userName);
            Check(await users.ResetAccessFailedCountAsync(user), userName);
            await audit.WriteAsync(actor, AuditActions.UserChanged, $"{userName} unlocked", null, cancellationToken);
            return 0;
        });

    public Task DeleteAsync(string userName, string actor, CancellationToken cancellationToken) =>
        InScopeAsync(async services =>
        {
            await GuardLastAdminAsync(Users(services), userName, "delete");
            await services.GetRequiredService<UserAccounts>().DeleteAsync(userName, actor, cancellationToken);
            return 0;
        });

    private async Task<FlowVizUser> GuardLastAdminAsync(UserManager<FlowVizUser> users, string userName, string verb)
    {
        var user = await FindAsync(users, userName);
        if (!await users.IsInRoleAsync(user, Roles.Admin))
        {
            return user;
        }
        var now = time.GetUtcNow();
        var otherActiveAdmins = (await users.GetUsersInRoleAsync(Roles.Admin))
            .Count(a => a.Id != user.Id && !(a.LockoutEnd is { } until && until > now));
        return otherActiveAdmins > 0
            ? user
            : throw new AccountException($"Cannot {verb} {userName}: it is the last administrator. Make another user admin first.");
    }

    private async Task<T> InScopeAsync<T>(Func<IServiceProvider, Task<T>> work)
    {
        await using var scope = scopes.CreateAsyncScope();
        return await work(scope.ServiceProvider);
    }

    private static UserManager<FlowVizUser> Users(IServiceProvider services) => services.GetRequiredService<UserManager<FlowVizUser>>();

    private static async Task<FlowVizUser> FindAsync(UserManager<FlowVizUser> users, string userName) =>
        await users.FindByNameAsync(userName) ?? throw new AccountException($"There is no user '{userName}'.");

    private static void Check(IdentityResult result, string userName)
    {
        if (!result.Succeeded)
        {
            throw new AccountException($"Could not change {userName}: {string.Join(" ", result.Errors.Select(e => e.Description))}");
        }
    }
}
