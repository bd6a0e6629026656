using FlowViz.Identity.Audit;
using FlowViz.Identity.Data;
using Microsoft.EntityFrameworkCore;

namespace FlowViz.Identity.Tenants;

/// <summary>Who is in which tenant, for the tenant page: list, assign, unassign. Changes are audited under their actor.</summary>
public sealed class TenantMembers(IDbContextFactory<FlowVizIdentityDbContext> contexts, TenantDirectory tenants, AuditLog audit)
{
    /// <summary>The user names in each tenant, by tenant id (tenants without members are absent).</summary>
    public async Task<IReadOnlyDictionary<long, IReadOnlyList<string>>> ByTenantAsync(CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var rows = await db.UserTenants.Join(db.Users, m => m.UserId, u => u.Id, (m, u) => new { m.TenantId, u.UserName })
            .OrderBy(r => r.UserName).ToListAsync(cancellationToken);
        return rows.GroupBy(r => r.TenantId).ToDictionary(g => g.Key, g => (IReadOnlyList<string>)[.. g.Select(r => r.UserName!)]);
    }

    public async Task AssignAsync(string userName, long tenantId, string actor, CancellationToken cancellationToken)
    {
        var (userId, _) = await ResolveAsync(userName, tenantId, cancellationToken);
        await tenants.AssignAsync(userId, tenantId, actor, cancellationToken); // audits it
    }

    public async Task UnassignAsync(string userName, long tenantId, string actor, CancellationToken cancellationToken)
    {
        var (userId, tenantName) = await ResolveAsync(userName, tenantId, cancellationToken);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var removed = await db.UserTenants.Where(m => m.UserId == userId && m.TenantId == tenantId).ExecuteDeleteAsync(cancellationToken);
        if (removed == 0)
        {
            throw new AccountException($"{userName} is not in tenant '{tenantName}'.");
        }
        await audit.WriteAsync(actor, AuditActions.TenantChanged, $"{tenantName}: {userName} unassigned", null, cancellationToken);
    }

    private async Task<(string UserId, string TenantName)> ResolveAsync(string userName, long tenantId, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var userId = await db.Users.Where(u => u.UserName == userName).Select(u => u.Id).SingleOrDefaultAsync(cancellationToken)
            ?? throw new AccountException($"There is no user '{userName}'.");
        var tenantName = await db.Tenants.Where(t => t.Id == tenantId).Select(t => t.Name).SingleOrDefaultAsync(cancellationToken)
            ?? throw new AccountException($"There is no tenant {tenantId}.");
        return (userId, tenantName);
    }
}
