namespace FlowViz.Identity.Oidc;

/// <summary>The audit log's action names for single sign-on (next to <see cref="Audit.AuditActions"/>).</summary>
public static class OidcAuditActions
{
    /// <summary>A user signed in through the provider; the detail names the role and tenants it mapped to.</summary>
    public const string Login = "login.sso";

    /// <summary>The provider vouched for a user whom FlowViz refused (no role, no tenant, a name clash); the detail says why.</summary>
    public const string Refused = "login.sso_refused";

    /// <summary>A first SSO login created a FlowViz user.</summary>
    public const string UserProvisioned = "user.provisioned";

    /// <summary>A first SSO login linked an existing local user (<see cref="OidcSettings.LinkExistingUsers"/>).</summary>
    public const string UserLinked = "user.linked";
}
