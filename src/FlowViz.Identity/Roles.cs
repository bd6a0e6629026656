namespace FlowViz.Identity;

/// <summary>
/// The three roles of issue #8. Admin: users, tenants, settings and all traffic. Operator: all traffic, no
/// administration. Tenant viewer: only the traffic in its tenants' scopes.
/// </summary>
public static class Roles
{
    public const string Admin = "admin";
    public const string Operator = "operator";
    public const string TenantViewer = "tenant-viewer";

    public static IReadOnlyList<string> All { get; } = [Admin, Operator, TenantViewer];

    /// <summary>Roles that see every flow, whatever tenants they are assigned.</summary>
    public static bool SeesAllTraffic(string role) => role is Admin or Operator;

    public static bool IsKnown(string? role) => role is Admin or Operator or TenantViewer;
}
