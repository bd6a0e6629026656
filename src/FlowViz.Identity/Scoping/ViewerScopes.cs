using FlowViz.Identity.Data;
using FlowViz.Identity.Tenants;
using Microsoft.EntityFrameworkCore;

namespace FlowViz.Identity.Scoping;

/// <summary>
/// Works out a user's <see cref="ViewerScope"/> from the database, roles included, on every call: a role or
/// scope changed by an admin applies to the next query, not to the next login.
/// </summary>
public sealed class ViewerScopes(IDbContextFactory<FlowVizIdentityDbContext> contexts)
{
    public async Task<ViewerScope> ForUserAsync(string userId, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var roles = await db.UserRoles.Where(r => r.UserId == userId).Select(r => r.RoleId).ToListAsync(cancellationToken);
        if (roles.Any(Roles.SeesAllTraffic))
        {
            return ViewerScope.Everything;
        }
        if (!roles.Contains(Roles.TenantViewer))
        {
            return ViewerScope.None;
        }
        var entries = await db.TenantScopes
            .Where(s => db.UserTenants.Any(m => m.UserId == userId && m.TenantId == s.TenantId))
            .OrderBy(s => s.Id)
            .ToListAsync(cancellationToken);
        return ForEntries(entries);
    }

    /// <summary>The scope of a tenant on its own: what its viewers would see (the admin page's preview).</summary>
    public async Task<ViewerScope> ForTenantAsync(long tenantId, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var entries = await db.TenantScopes.Where(s => s.TenantId == tenantId).OrderBy(s => s.Id).ToListAsync(cancellationToken);
        return ForEntries(entries);
    }

    public static ViewerScope ForEntries(IReadOnlyCollection<TenantScopeEntry> entries) => ViewerScope.Restricted(
        TenantScopeFilter.For(entries),
        entries.Where(e => e.Kind == TenantScopeKind.Interface).Select(e => e.Exporter!),
        entries.Where(e => e.Kind == TenantScopeKind.Interface).Select(e => (e.Exporter!, e.InterfaceIndex!.Value)));
}
