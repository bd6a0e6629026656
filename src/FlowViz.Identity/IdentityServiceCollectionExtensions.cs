using FlowViz.Identity.Audit;
using FlowViz.Identity.Data;
using FlowViz.Identity.Scoping;
using FlowViz.Identity.Tenants;
using FlowViz.Identity.Tokens;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace FlowViz.Identity;

/// <summary>Registers the accounts database and FlowViz's services over it; the host adds Identity itself.</summary>
public static class IdentityServiceCollectionExtensions
{
    public static IServiceCollection AddFlowVizAccounts(this IServiceCollection services, string connectionString)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(connectionString);
        // A factory, not one context per scope: a Blazor circuit lives long and its queries may overlap.
        // (It also registers the context as scoped, which Identity's EF stores use.)
        services.AddDbContextFactory<FlowVizIdentityDbContext>(options => options.UseNpgsql(connectionString));
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton<ViewerScopes>();
        services.AddSingleton<ApiTokens>();
        services.AddSingleton<AuditLog>();
        services.AddSingleton<Tenants.TenantDirectory>();
        services.AddScoped<UserAccounts>();
        return services;
    }

    /// <summary>Identity's user and role stores over the FlowViz accounts database (schema version 1, as 0007 creates).</summary>
    public static IdentityBuilder AddFlowVizStores(this IdentityBuilder identity)
    {
        identity.Services.Configure<IdentityOptions>(options =>
        {
            options.Stores.SchemaVersion = IdentitySchemaVersions.Version1;
            // Length over character classes (NIST SP 800-63B); generated passwords are random base64url.
            options.Password.RequiredLength = 12;
            options.Password.RequireDigit = false;
            options.Password.RequireLowercase = false;
            options.Password.RequireUppercase = false;
            options.Password.RequireNonAlphanumeric = false;
            options.Lockout.MaxFailedAccessAttempts = 5;
            options.Lockout.DefaultLockoutTimeSpan = TimeSpan.FromMinutes(15);
            options.Lockout.AllowedForNewUsers = true;
            options.User.AllowedUserNameCharacters = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-._@";
        });
        return identity.AddRoles<IdentityRole>().AddEntityFrameworkStores<FlowVizIdentityDbContext>();
    }
}
