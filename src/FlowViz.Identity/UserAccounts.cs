using System.Security.Cryptography;
using FlowViz.Identity.Audit;
using FlowViz.Identity.Data;
using FlowViz.Identity.Tenants;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace FlowViz.Identity;

/// <summary>
/// User accounts over Identity's <see cref="UserManager{TUser}"/>: create with a role and tenants, change role,
/// delete, list, and the first start's admin. Every change is audited under its actor.
/// </summary>
public sealed class UserAccounts(UserManager<FlowVizUser> users, TenantDirectory tenants, AuditLog audit, TimeProvider time)
{
    public const string AdminUserName = "admin";

    public async Task<FlowVizUser> CreateAsync(string userName, string password, string role, IEnumerable<string> tenantNames,
        string actor, CancellationToken cancellationToken)
    {
        if (!Roles.IsKnown(role))
        {
            throw new AccountException($"'{role}' is not a role; use one of: {string.Join(", ", Roles.All)}.");
        }
        var tenantIds = new List<long>();
        foreach (var name in tenantNames)
        {
            var tenant = await tenants.FindAsync(name, cancellationToken) ?? throw new AccountException($"There is no tenant named '{name}'.");
            tenantIds.Add(tenant.Id);
        }
        if (role == Roles.TenantViewer && tenantIds.Count == 0)
        {
            throw new AccountException("A tenant viewer needs at least one tenant (it would see nothing).");
        }
        var user = new FlowVizUser { UserName = userName, CreatedAt = time.GetUtcNow() };
        Check(await users.CreateAsync(user, password), $"user '{userName}'");
        Check(await users.AddToRoleAsync(user, role), $"user '{userName}'");
        foreach (var tenantId in tenantIds)
        {
            await tenants.AssignAsync(user.Id, tenantId, actor, cancellationToken);
        }
        await audit.WriteAsync(actor, AuditActions.UserCreated, $"{userName} ({role})", null, cancellationToken);
        return user;
    }

    public async Task<FlowVizUser?> FindAsync(string userName) => await users.FindByNameAsync(userName);

    public async Task<IReadOnlyList<(FlowVizUser User, string Role)>> ListAsync(CancellationToken cancellationToken)
    {
        var all = await users.Users.OrderBy(u => u.UserName).ToListAsync(cancellationToken);
        var list = new List<(FlowVizUser, string)>();
        foreach (var user in all)
        {
            list.Add((user, (await users.GetRolesAsync(user)).FirstOrDefault() ?? "(none)"));
        }
        return list;
    }

    public async Task SetRoleAsync(string userName, string role, string actor, CancellationToken cancellationToken)
    {
        if (!Roles.IsKnown(role))
        {
            throw new AccountException($"'{role}' is not a role; use one of: {string.Join(", ", Roles.All)}.");
        }
        var user = await users.FindByNameAsync(userName) ?? throw new AccountException($"There is no user '{userName}'.");
        Check(await users.RemoveFromRolesAsync(user, await users.GetRolesAsync(user)), $"user '{userName}'");
        Check(await users.AddToRoleAsync(user, role), $"user '{userName}'");
        await audit.WriteAsync(actor, AuditActions.UserChanged, $"{userName} is now {role}", null, cancellationToken);
    }

    public async Task DeleteAsync(string userName, string actor, CancellationToken cancellationToken)
    {
        var user = await users.FindByNameAsync(userName) ?? throw new AccountException($"There is no user '{userName}'.");
        Check(await users.DeleteAsync(user), $"user '{userName}'");
        await audit.WriteAsync(actor, AuditActions.UserDeleted, userName, null, cancellationToken);
    }

    public Task<bool> AnyAsync(CancellationToken cancellationToken) => users.Users.AnyAsync(cancellationToken);

    /// <summary>
    /// The first start: when there is no account at all, creates <c>admin</c> with <paramref name="password"/>, or
    /// with a random one, which is returned (null when nothing was created or the password was given).
    /// </summary>
    public async Task<(bool Created, string? GeneratedPassword)> EnsureAdminAsync(string? password, CancellationToken cancellationToken)
    {
        if (await AnyAsync(cancellationToken))
        {
            return (false, null);
        }
        var generated = string.IsNullOrEmpty(password) ? RandomPassword() : null;
        await CreateAsync(AdminUserName, password ?? generated!, Roles.Admin, [], actor: "flowviz", cancellationToken);
        return (true, generated);
    }

    // 144 random bits in base64url: long enough that lockout is not what protects it.
    private static string RandomPassword() =>
        Convert.ToBase64String(RandomNumberGenerator.GetBytes(18)).Replace('+', '-').Replace('/', '_');

    private static void Check(IdentityResult result, string what)
    {
        if (!result.Succeeded)
        {
            throw new AccountException($"Could not save {what}: {string.Join(" ", result.Errors.Select(e => e.Description))}");
        }
    }
}
