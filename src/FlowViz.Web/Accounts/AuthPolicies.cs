namespace FlowViz.Web.Accounts;

/// <summary>Authorization policy names.</summary>
public static class AuthPolicies
{
    /// <summary>May read traffic (in its scope): any logged-in user, or anyone when <see cref="AuthOptions.AnonymousRead"/>.</summary>
    public const string Viewer = "viewer";

    /// <summary>Sees collector-wide facts (metrics): admins and operators, or anyone when anonymous read is on.</summary>
    public const string Operator = "operator";

    /// <summary>Users, tenants, tokens, the audit log.</summary>
    public const string Admin = "admin";

    /// <summary>The scheme that picks the bearer-token handler or the login cookie per request.</summary>
    public const string CookieOrToken = "FlowViz";

    public const string TokenScheme = "ApiToken";

    public const string LoginRateLimit = "login";
}
