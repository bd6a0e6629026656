using FlowViz.Identity.Data;
using Microsoft.EntityFrameworkCore;

namespace FlowViz.Identity.Audit;

/// <summary>
/// Reads the audit log a page at a time for the audit page, optionally only one action (<c>login</c> also
/// matches <c>login.failed</c> and <c>login.locked_out</c>) and one actor.
/// </summary>
public sealed class AuditSearch(IDbContextFactory<FlowVizIdentityDbContext> contexts)
{
    public const int MaxPageSize = 500;

    public async Task<AuditPage> PageAsync(string? action, string? actor, int page, int pageSize, CancellationToken cancellationToken)
    {
        if (page < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(page), page, "Pages count from 1.");
        }
        if (pageSize is < 1 or > MaxPageSize)
        {
            throw new ArgumentOutOfRangeException(nameof(pageSize), pageSize, $"A page holds 1 to {MaxPageSize} entries.");
        }
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var entries = db.AuditLog.AsNoTracking();
        if (!string.IsNullOrWhiteSpace(action))
        {
            var prefix = action.Trim() + ".";
            entries = entries.Where(e => e.Action == action.Trim() || e.Action.StartsWith(prefix));
        }
        if (!string.IsNullOrWhiteSpace(actor))
        {
            entries = entries.Where(e => e.Actor == actor.Trim());
        }
        var total = await entries.CountAsync(cancellationToken);
        var rows = await entries.OrderByDescending(e => e.Id).Skip((page - 1) * pageSize).Take(pageSize).ToListAsync(cancellationToken);
        return new AuditPage(rows, page, pageSize, total);
    }

    /// <summary>The actions and actors that occur in the log, for the page's filter lists.</summary>
    public async Task<(IReadOnlyList<string> Actions, IReadOnlyList<string> Actors)> ChoicesAsync(CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var actions = await db.AuditLog.Select(e => e.Action).Distinct().OrderBy(a => a).ToListAsync(cancellationToken);
        var actors = await db.AuditLog.Where(e => e.Actor != null).Select(e => e.Actor!).Distinct().OrderBy(a => a).ToListAsync(cancellationToken);
        return (actions, actors);
    }
}
