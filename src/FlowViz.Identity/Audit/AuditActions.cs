namespace FlowViz.Identity.Audit;

/// <summary>The audit log's action names.</summary>
public static class AuditActions
{
    public const string Login = "login";
    public const string LoginFailed = "login.failed";
    public const string LockedOut = "login.locked_out";
    public const string Logout = "logout";
    public const string TokenUsed = "token.used";
    public const string TokenCreated = "token.created";
    public const string TokenRevoked = "token.revoked";
    public const string UserCreated = "user.created";
    public const string UserChanged = "user.changed";
    public const string UserDeleted = "user.deleted";
    public const string TenantCreated = "tenant.created";
    public const string TenantChanged = "tenant.changed";
    public const string TenantDeleted = "tenant.deleted";
}
