using FlowViz.Identity.Audit;
using FlowViz.Identity.Data;
using Microsoft.EntityFrameworkCore;

namespace FlowViz.Identity.Tenants;

/// <summary>Tenants, their scopes and their users; every change is written to the audit log under its actor.</summary>
public sealed class TenantDirectory(IDbContextFactory<FlowVizIdentityDbContext> contexts, AuditLog audit, TimeProvider time)
{
    public async Task<IReadOnlyList<Tenant>> ListAsync(CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await db.Tenants.AsNoTracking().Include(t => t.Scope.OrderBy(s => s.Id)).OrderBy(t => t.Name).ToListAsync(cancellationToken);
    }

    public async Task<Tenant?> FindAsync(string name, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await db.Tenants.AsNoTracking().Include(t => t.Scope).SingleOrDefaultAsync(t => t.Name == name, cancellationToken);
    }

    public async Task<Tenant> CreateAsync(string name, IEnumerable<TenantScopeEntry> scope, string actor, CancellationToken cancellationToken)
    {
        name = name.Trim();
        if (name.Length is 0 or > 100)
        {
            throw new AccountException("A tenant needs a name of 1 to 100 characters.");
        }
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        if (await db.Tenants.AnyAsync(t => t.Name == name, cancellationToken))
        {
            throw new AccountException($"There is already a tenant named '{name}'.");
        }
        var tenant = new Tenant { Name = name, CreatedAt = time.GetUtcNow(), Scope = [.. scope] };
        db.Tenants.Add(tenant);
        await db.SaveChangesAsync(cancellationToken);
        await audit.WriteAsync(actor, AuditActions.TenantCreated, $"{name}: {Describe(tenant.Scope)}", null, cancellationToken);
        return tenant;
    }

    /// <summary>Replaces the scope; it applies to past traffic too, since scopes are applied when querying.</summary>
    public async Task ReplaceScopeAsync(long tenantId, IEnumerable<TenantScopeEntry> scope, string actor, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var tenant = await db.Tenants.SingleOrDefaultAsync(t => t.Id == tenantId, cancellationToken)
            ?? throw new AccountException($"There is no tenant {tenantId}.");
        await db.TenantScopes.Where(s => s.TenantId == tenantId).ExecuteDeleteAsync(cancellationToken);
        var entries = scope.Select(e => { e.Id = 0; e.TenantId = tenantId; return e; }).ToList();
        db.TenantScopes.AddRange(entries);
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        await audit.WriteAsync(actor, AuditActions.TenantChanged, $"{tenant.Name}: {Describe(entries)}", null, cancellationToken);
    }

    public async Task DeleteAsync(long tenantId, string actor, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var name = await db.Tenants.Where(t => t.Id == tenantId).Select(t => t.Name).SingleOrDefaultAsync(cancellationToken)
            ?? throw new AccountException($"There is no tenant {tenantId}.");
        await db.Tenants.Where(t => t.Id == tenantId).ExecuteDeleteAsync(cancellationToken);
        await audit.WriteAsync(actor, AuditActions.TenantDeleted, name, null, cancellationToken);
    }

    public async Task AssignAsync(string userId, long tenantId, string actor, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        if (!await db.UserTenants.AnyAsync(m => m.UserId == userId && m.TenantId == tenantId, cancellationToken))
        {
            db.UserTenants.Add(new UserTenant { UserId = userId, TenantId = tenantId });
            await db.SaveChangesAsync(cancellationToken);
        }
        await audit.WriteAsync(actor, AuditActions.UserChanged, $"user {userId} joined tenant {tenantId}", null, cancellationToken);
    }

    public async Task<IReadOnlyList<string>> TenantNamesOfAsync(string userId, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await db.Tenants.Where(t => db.UserTenants.Any(m => m.UserId == userId && m.TenantId == t.Id))
            .OrderBy(t => t.Name).Select(t => t.Name).ToListAsync(cancellationToken);
    }

    private static string Describe(IEnumerable<TenantScopeEntry> scope) => TenantScopeText.Format(scope);
}
