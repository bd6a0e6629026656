namespace FlowViz.Web.Accounts;

/// <summary>The <c>Auth</c> settings: who may read without logging in, and how logins are protected.</summary>
public sealed class AuthOptions
{
    public const string SectionName = "Auth";

    /// <summary>
    /// Lets anyone who can reach FlowViz read all traffic without logging in (a home lab). Administration
    /// still needs an admin login. Off by default.
    /// </summary>
    public bool AnonymousRead { get; set; }

    /// <summary>
    /// Marks the login cookie Secure (sent over HTTPS only; browsers also accept it on http://localhost).
    /// Turn off only for a plain-HTTP lab: the cookie would otherwise never come back.
    /// </summary>
    public bool SecureCookies { get; set; } = true;

    /// <summary>Login attempts per client address per minute before 429; lockout per account is separate.</summary>
    public int LoginAttemptsPerMinute { get; set; } = 10;

    /// <summary>On a first start with no account, create <c>admin</c> (password from FLOWVIZ_ADMIN_PASSWORD, else random).</summary>
    public bool CreateAdmin { get; set; } = true;
}
