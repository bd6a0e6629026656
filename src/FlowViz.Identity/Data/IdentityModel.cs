using FlowViz.Core.Filtering;
using FlowViz.Identity.Audit;
using FlowViz.Identity.Tenants;
using FlowViz.Identity.Tokens;
using Microsoft.EntityFrameworkCore;

namespace FlowViz.Identity.Data;

/// <summary>FlowViz's own tables next to Identity's: tenants, their scopes and users, API tokens, the audit log.</summary>
internal static class IdentityModel
{
    public static void Configure(ModelBuilder builder)
    {
        builder.Entity<Tenant>(tenant =>
        {
            tenant.ToTable("tenants");
            tenant.Property(t => t.Name).HasMaxLength(100);
            tenant.HasIndex(t => t.Name).IsUnique();
            tenant.HasMany(t => t.Scope).WithOne().HasForeignKey(s => s.TenantId).OnDelete(DeleteBehavior.Cascade);
        });
        builder.Entity<TenantScopeEntry>(scope =>
        {
            scope.ToTable("tenant_scopes");
            scope.Property(s => s.Kind).HasConversion(kind => KindText(kind), text => ParseKind(text));
            scope.Property(s => s.Side).HasConversion(side => SideText(side), text => ParseSide(text));
            scope.Property(s => s.Exporter).HasColumnType("inet");
            scope.Property(s => s.Prefix).HasColumnType("cidr");
        });
        builder.Entity<UserTenant>(member =>
        {
            member.ToTable("user_tenants");
            member.HasKey(m => new { m.UserId, m.TenantId });
            member.HasOne<FlowVizUser>().WithMany().HasForeignKey(m => m.UserId).OnDelete(DeleteBehavior.Cascade);
            member.HasOne<Tenant>().WithMany().HasForeignKey(m => m.TenantId).OnDelete(DeleteBehavior.Cascade);
        });
        builder.Entity<ApiToken>(token =>
        {
            token.ToTable("api_tokens");
            token.Property(t => t.Name).HasMaxLength(100);
            token.Property(t => t.Prefix).HasMaxLength(16);
            token.HasIndex(t => t.Hash).IsUnique();
            token.HasOne<FlowVizUser>().WithMany().HasForeignKey(t => t.UserId).OnDelete(DeleteBehavior.Cascade);
        });
        builder.Entity<AuditEntry>(entry =>
        {
            entry.ToTable("audit_log");
            entry.HasIndex(e => e.At);
        });
    }

    private static string KindText(TenantScopeKind kind) => kind switch
    {
        TenantScopeKind.As => "as",
        TenantScopeKind.Interface => "interface",
        _ => "prefix",
    };

    private static TenantScopeKind ParseKind(string text) => text switch
    {
        "as" => TenantScopeKind.As,
        "interface" => TenantScopeKind.Interface,
        "prefix" => TenantScopeKind.Prefix,
        _ => throw new InvalidOperationException($"Unknown tenant scope kind '{text}'."),
    };

    private static string SideText(FilterSide side) => side switch
    {
        FilterSide.Src => "src",
        FilterSide.Dst => "dst",
        _ => "any",
    };

    private static FilterSide ParseSide(string text) => text switch
    {
        "src" => FilterSide.Src,
        "dst" => FilterSide.Dst,
        "any" => FilterSide.Either,
        _ => throw new InvalidOperationException($"Unknown tenant scope side '{text}'."),
    };
}
