namespace FlowViz.Identity.Administration;

/// <summary>One account as the users page lists it.</summary>
public sealed record UserSummary(string Id, string UserName, string Role, IReadOnlyList<string> Tenants, DateTimeOffset? LockedUntil, DateTimeOffset CreatedAt)
{
    public bool IsLockedAt(DateTimeOffset now) => LockedUntil is { } until && until > now;
}
