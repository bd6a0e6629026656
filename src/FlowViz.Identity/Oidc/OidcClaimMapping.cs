using System.Security.Claims;

namespace FlowViz.Identity.Oidc;

/// <summary>
/// Reads the provider's claims (by their names in the id_token: inbound claim mapping is off) into an
/// <see cref="OidcIdentity"/>, choosing the strongest role that the role claim's values grant.
/// </summary>
public static class OidcClaimMapping
{
    /// <summary>Strongest first: a user in both an admin and a viewer group is an admin.</summary>
    private static readonly string[] Strength = [Roles.Admin, Roles.Operator, Roles.TenantViewer];

    public static OidcIdentity Map(ClaimsPrincipal principal, OidcSettings settings)
    {
        var subject = principal.FindFirst("sub")?.Value
            ?? throw new InvalidOperationException("The id_token has no 'sub' claim.");
        var issuer = principal.FindFirst("iss")?.Value ?? principal.FindFirst("sub")!.Issuer;
        var values = principal.FindAll(settings.RoleClaim).Select(c => c.Value).ToHashSet(StringComparer.Ordinal);
        var role = Strength.FirstOrDefault(r => settings.RoleValues.TryGetValue(r, out var value) && values.Contains(value));
        var tenants = principal.FindAll(settings.TenantClaim).Select(c => c.Value.Trim()).Where(t => t.Length > 0).Distinct().ToList();
        var userName = principal.FindFirst(settings.UserNameClaim)?.Value;
        return new OidcIdentity(issuer, subject, string.IsNullOrWhiteSpace(userName) ? subject : userName, role, tenants);
    }
}
