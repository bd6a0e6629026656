using FlowViz.Identity.Data;
using Microsoft.EntityFrameworkCore;

namespace FlowViz.Identity.Audit;

/// <summary>Appends to and reads the audit log (table <c>audit_log</c>).</summary>
public sealed class AuditLog(IDbContextFactory<FlowVizIdentityDbContext> contexts, TimeProvider time)
{
    public async Task WriteAsync(string? actor, string action, string? detail, string? remoteAddress, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        db.AuditLog.Add(new AuditEntry
        {
            At = time.GetUtcNow(),
            Actor = actor,
            Action = action,
            Detail = detail,
            RemoteAddress = remoteAddress,
        });
        await db.SaveChangesAsync(cancellationToken);
    }

    /// <summary>The newest entries first.</summary>
    public async Task<IReadOnlyList<AuditEntry>> ReadAsync(int limit, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await db.AuditLog.AsNoTracking().OrderByDescending(e => e.Id).Take(limit).ToListAsync(cancellationToken);
    }
}
