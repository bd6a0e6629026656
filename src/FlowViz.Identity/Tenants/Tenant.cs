namespace FlowViz.Identity.Tenants;

/// <summary>A customer (a member AS of an IX, a customer of an ISP) and the part of the traffic that is theirs.</summary>
public sealed class Tenant
{
    public long Id { get; set; }

    public required string Name { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    public List<TenantScopeEntry> Scope { get; set; } = [];
}
