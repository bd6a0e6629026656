using FlowViz.Identity.Audit;
using FlowViz.Identity.Tenants;
using FlowViz.Identity.Tokens;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;

namespace FlowViz.Identity.Data;

/// <summary>
/// ASP.NET Core Identity's stores plus tenants, API tokens and the audit log. The schema is not made by EF
/// migrations but by <c>db-migrations/0007_identity.sql</c>, like every other table, so this model maps onto
/// that SQL (snake_case names, text enums) and a test checks that the two agree.
/// </summary>
public sealed class FlowVizIdentityDbContext(DbContextOptions<FlowVizIdentityDbContext> options)
    : IdentityDbContext<FlowVizUser>(options)
{
    public DbSet<Tenant> Tenants => Set<Tenant>();

    public DbSet<TenantScopeEntry> TenantScopes => Set<TenantScopeEntry>();

    public DbSet<UserTenant> UserTenants => Set<UserTenant>();

    public DbSet<ApiToken> ApiTokens => Set<ApiToken>();

    public DbSet<AuditEntry> AuditLog => Set<AuditEntry>();

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        builder.Entity<FlowVizUser>().ToTable("users");
        builder.Entity<IdentityRole>().ToTable("roles");
        builder.Entity<IdentityUserRole<string>>().ToTable("user_roles");
        builder.Entity<IdentityUserClaim<string>>().ToTable("user_claims");
        builder.Entity<IdentityUserLogin<string>>().ToTable("user_logins");
        builder.Entity<IdentityUserToken<string>>().ToTable("user_tokens");
        builder.Entity<IdentityRoleClaim<string>>().ToTable("role_claims");
        IdentityModel.Configure(builder);
        SnakeCaseNames.Apply(builder.Model);
    }
}
