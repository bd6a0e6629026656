namespace FlowViz.Identity.Oidc;

/// <summary>What a provider's id_token says about a user, in FlowViz's terms.</summary>
/// <param name="Issuer">The token's <c>iss</c>.</param>
/// <param name="Subject">The token's <c>sub</c>: with the issuer, the stable key of the external login.</param>
/// <param name="UserName">The name for a new FlowViz user (<see cref="OidcSettings.UserNameClaim"/>, else the subject).</param>
/// <param name="Role">The FlowViz role the role claim grants; null when none.</param>
/// <param name="Tenants">The tenant names of the tenant claim, as given.</param>
public sealed record OidcIdentity(string Issuer, string Subject, string UserName, string? Role, IReadOnlyList<string> Tenants)
{
    /// <summary>The <c>user_logins.provider_key</c> of this login: issuer and subject, since a subject is unique per issuer only.</summary>
    public string ProviderKey => $"{Issuer}|{Subject}";
}
