using Microsoft.AspNetCore.Identity;

namespace FlowViz.Identity.Data;

/// <summary>An account: ASP.NET Core Identity's user plus when it was made. Role and tenants are separate tables.</summary>
public sealed class FlowVizUser : IdentityUser
{
    public DateTimeOffset CreatedAt { get; set; }
}
