namespace FlowViz.Identity.Tenants;

/// <summary>What a scope entry names; stored as text (<c>as</c>, <c>interface</c>, <c>prefix</c>).</summary>
public enum TenantScopeKind
{
    As,
    Interface,
    Prefix,
}
