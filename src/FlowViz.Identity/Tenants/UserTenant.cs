namespace FlowViz.Identity.Tenants;

/// <summary>A tenant viewer's membership of a tenant; a user in several tenants sees the union of their scopes.</summary>
public sealed class UserTenant
{
    public required string UserId { get; set; }

    public long TenantId { get; set; }
}
