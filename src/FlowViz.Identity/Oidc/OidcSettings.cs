namespace FlowViz.Identity.Oidc;

/// <summary>
/// The <c>Auth:Oidc</c> settings: single sign-on through an OpenID Connect provider (Keycloak, Entra ID, …). Off
/// unless <see cref="Authority"/> and <see cref="ClientId"/> are set. Which claims carry the FlowViz role and
/// tenants, and which claim values grant which role, are configurable.
/// </summary>
public sealed class OidcSettings
{
    public const string SectionName = "Auth:Oidc";

    /// <summary>The issuer URL; its <c>/.well-known/openid-configuration</c> is read on first use.</summary>
    public string? Authority { get; set; }

    public string? ClientId { get; set; }

    /// <summary>The client secret of a confidential client (the code is exchanged server to server, with PKCE).</summary>
    public string? ClientSecret { get; set; }

    /// <summary>What the login page's button says.</summary>
    public string DisplayName { get; set; } = "Single sign-on";

    /// <summary>Scopes asked for besides <c>openid</c> and <c>profile</c>.</summary>
    public List<string> Scopes { get; set; } = [];

    /// <summary>The claim whose value becomes the FlowViz user name of a new user.</summary>
    public string UserNameClaim { get; set; } = "preferred_username";

    /// <summary>The claim (one or many values) whose values decide the role, through <see cref="RoleValues"/>.</summary>
    public string RoleClaim { get; set; } = "roles";

    /// <summary>
    /// FlowViz role → the <see cref="RoleClaim"/> value that grants it. When several match, the strongest wins
    /// (admin, then operator, then tenant-viewer). A login that matches none is refused.
    /// </summary>
    public Dictionary<string, string> RoleValues { get; set; } = new(StringComparer.Ordinal)
    {
        [Roles.Admin] = "flowviz-admin",
        [Roles.Operator] = "flowviz-operator",
        [Roles.TenantViewer] = "flowviz-viewer",
    };

    /// <summary>The claim (one or many values) naming the user's FlowViz tenants; names that are no tenant are ignored.</summary>
    public string TenantClaim { get; set; } = "flowviz_tenant";

    /// <summary>
    /// Lets a first SSO login take over an existing local account of the same user name (linking it). Off by
    /// default: anyone who can choose their name at the provider could otherwise become the local <c>admin</c>.
    /// </summary>
    public bool LinkExistingUsers { get; set; }

    /// <summary>Refuses a provider whose metadata is not served over HTTPS. Turn off only for a lab or a test.</summary>
    public bool RequireHttpsMetadata { get; set; } = true;

    public bool IsEnabled => !string.IsNullOrWhiteSpace(Authority) && !string.IsNullOrWhiteSpace(ClientId);

    /// <summary>Every problem with the settings at once; empty when they are usable (or SSO is off).</summary>
    public IReadOnlyList<string> Problems()
    {
        var problems = new List<string>();
        if (!IsEnabled)
        {
            if (!string.IsNullOrWhiteSpace(Authority) != !string.IsNullOrWhiteSpace(ClientId))
            {
                problems.Add("Auth:Oidc needs both Authority and ClientId (or neither, to leave single sign-on off).");
            }
            return problems;
        }
        if (!Uri.TryCreate(Authority, UriKind.Absolute, out var authority) || authority.Scheme is not ("https" or "http"))
        {
            problems.Add($"Auth:Oidc:Authority '{Authority}' is not an http(s) URL.");
        }
        else if (authority.Scheme == "http" && RequireHttpsMetadata)
        {
            problems.Add($"Auth:Oidc:Authority '{Authority}' is plain HTTP; use HTTPS (or RequireHttpsMetadata=false for a lab).");
        }
        foreach (var role in RoleValues.Keys.Where(r => !Roles.IsKnown(r)))
        {
            problems.Add($"Auth:Oidc:RoleValues names '{role}', which is not a role; use {string.Join(", ", Roles.All)}.");
        }
        if (string.IsNullOrWhiteSpace(RoleClaim))
        {
            problems.Add("Auth:Oidc:RoleClaim is empty.");
        }
        return problems;
    }
}
