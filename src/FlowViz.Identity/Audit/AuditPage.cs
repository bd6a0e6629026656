namespace FlowViz.Identity.Audit;

/// <summary>One page of the audit log, newest first: <see cref="Page"/> from 1, of <see cref="PageCount"/> for <see cref="Total"/> matching entries.</summary>
public sealed record AuditPage(IReadOnlyList<AuditEntry> Entries, int Page, int PageSize, int Total)
{
    public int PageCount => Math.Max(1, (Total + PageSize - 1) / PageSize);
}
