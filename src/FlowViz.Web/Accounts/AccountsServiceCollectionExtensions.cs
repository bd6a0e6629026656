using System.Threading.RateLimiting;
using FlowViz.Core.Counters;
using FlowViz.Core.Queries;
using FlowViz.Identity;
using FlowViz.Identity.Administration;
using FlowViz.Identity.Data;
using FlowViz.Identity.Oidc;
using FlowViz.Identity.Scoping;
using FlowViz.Identity.Tenants;
using FlowViz.Storage.Queries;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace FlowViz.Web.Accounts;

/// <summary>
/// Logins (cookie), API tokens (bearer), the roles' policies, the login rate limit, and the tenant scope
/// wrapped around the query service: every ITrafficQueries a page or endpoint gets is scoped to its viewer.
/// </summary>
internal static class AccountsServiceCollectionExtensions
{
    public static IServiceCollection AddFlowVizAccess(this IServiceCollection services, IConfiguration configuration, string connectionString)
    {
        var auth = configuration.GetSection(AuthOptions.SectionName).Get<AuthOptions>() ?? new AuthOptions();
        services.Configure<AuthOptions>(configuration.GetSection(AuthOptions.SectionName));
        services.AddFlowVizAccounts(connectionString);
        services.AddHttpContextAccessor();
        services.AddCascadingAuthenticationState();

        services.AddAuthentication(options =>
            {
                options.DefaultScheme = AuthPolicies.CookieOrToken;
                options.DefaultChallengeScheme = AuthPolicies.CookieOrToken;
            })
            .AddPolicyScheme(AuthPolicies.CookieOrToken, "Login cookie or API token", options =>
                options.ForwardDefaultSelector = context =>
                    context.Request.Headers.Authorization.ToString().StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase)
                        ? AuthPolicies.TokenScheme
                        : IdentityConstants.ApplicationScheme)
            .AddScheme<AuthenticationSchemeOptions, ApiTokenAuthenticationHandler>(AuthPolicies.TokenScheme, null)
            // Single sign-on (section Auth:Oidc), off unless configured; it signs users in with the login cookie.
            .AddFlowVizOidc(configuration.GetSection(OidcSettings.SectionName).Get<OidcSettings>() ?? new OidcSettings(), auth.SecureCookies)
            .AddIdentityCookies();
        services.AddIdentityCore<FlowVizUser>().AddFlowVizStores().AddSignInManager();
        // A deleted or changed account's cookie is re-checked within a minute (queries re-read roles every time).
        services.Configure<SecurityStampValidatorOptions>(options => options.ValidationInterval = TimeSpan.FromMinutes(1));
        services.ConfigureApplicationCookie(options =>
        {
            options.Cookie.Name = "flowviz.login";
            options.Cookie.HttpOnly = true;
            options.Cookie.SameSite = SameSiteMode.Strict;
            options.Cookie.SecurePolicy = auth.SecureCookies ? CookieSecurePolicy.Always : CookieSecurePolicy.SameAsRequest;
            options.ExpireTimeSpan = TimeSpan.FromHours(8);
            options.SlidingExpiration = true;
            options.LoginPath = "/login";
            options.AccessDeniedPath = "/login";
            // The API answers 401/403; only pages redirect to the login form.
            options.Events.OnRedirectToLogin = context => Answer(context, StatusCodes.Status401Unauthorized);
            options.Events.OnRedirectToAccessDenied = context => Answer(context, StatusCodes.Status403Forbidden);
        });

        services.AddAuthorizationBuilder()
            .AddPolicy(AuthPolicies.Viewer, policy => policy.RequireAssertion(context =>
                auth.AnonymousRead || context.User.Identity?.IsAuthenticated == true))
            .AddPolicy(AuthPolicies.Operator, policy => policy.RequireAssertion(context =>
                auth.AnonymousRead || context.User.IsInRole(Roles.Admin) || context.User.IsInRole(Roles.Operator)))
            .AddPolicy(AuthPolicies.Admin, policy => policy.RequireAuthenticatedUser().RequireRole(Roles.Admin));

        services.AddRateLimiter(options =>
        {
            options.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            options.AddPolicy(AuthPolicies.LoginRateLimit, context => RateLimitPartition.GetFixedWindowLimiter(
                context.Connection.RemoteIpAddress?.ToString() ?? "unknown",
                _ => new FixedWindowRateLimiterOptions { PermitLimit = auth.LoginAttemptsPerMinute, Window = TimeSpan.FromMinutes(1), QueueLimit = 0 }));
        });

        services.AddScoped<IViewerScopeSource, PrincipalViewerScopeSource>();
        // Storage registers the unscoped service; every consumer gets it through the viewer's scope instead.
        services.RemoveAll<ITrafficQueries>();
        services.AddScoped<ITrafficQueries>(provider =>
            new ScopedTrafficQueries(provider.GetRequiredService<TrafficQueries>(), provider.GetRequiredService<IViewerScopeSource>()));
        // Interface counters too: a tenant viewer reads only those of the interfaces its scope names.
        services.RemoveAll<IInterfaceCounterQueries>();
        services.AddScoped<IInterfaceCounterQueries>(provider => new ScopedInterfaceCounterQueries(
            provider.GetRequiredService<Storage.Counters.InterfaceCounterQueries>(), provider.GetRequiredService<IViewerScopeSource>()));
        // The admin pages; the tenant preview scopes the storage's queries itself, with the scope being edited.
        services.AddFlowVizAdministration();
        services.AddSingleton(provider => new TenantPreview(provider.GetRequiredService<TrafficQueries>()));
        // From when an answer is complete, asked with the same scope the queries run with.
        services.TryAddSingleton<AnswerCompleteness>();
        services.AddScoped<IAnswerCompleteness>(provider =>
            new ScopedAnswerCompleteness(provider.GetRequiredService<AnswerCompleteness>(), provider.GetRequiredService<IViewerScopeSource>()));
        return services;
    }

    /// <summary>
    /// Replaces the storage's <see cref="IFlowRecordQueries"/> with the viewer-scoped one, so every consumer (flows
    /// API and CSV, flow pages) sees only the viewer's flows. Call after the registration it replaces.
    /// </summary>
    public static IServiceCollection AddScopedFlowRecords(this IServiceCollection services)
    {
        services.RemoveAll<IFlowRecordQueries>();
        services.AddScoped<IFlowRecordQueries>(provider =>
            new ScopedFlowRecordQueries(provider.GetRequiredService<FlowRecordQueries>(), provider.GetRequiredService<IViewerScopeSource>()));
        return services;
    }

    /// <summary>
    /// Replaces the storage's <see cref="Core.Interfaces.IInterfaceCatalog"/> with the viewer-scoped one (a tenant
    /// viewer lists only its scope's interfaces; rule editing refused). Call after the registration it replaces.
    /// </summary>
    public static IServiceCollection AddScopedInterfaceCatalog(this IServiceCollection services)
    {
        services.RemoveAll<Core.Interfaces.IInterfaceCatalog>();
        services.AddScoped<Core.Interfaces.IInterfaceCatalog>(provider => new ScopedInterfaceCatalog(
            provider.GetRequiredService<Storage.Interfaces.InterfaceCatalog>(), provider.GetRequiredService<IViewerScopeSource>()));
        return services;
    }

    private static Task Answer(RedirectContext<Microsoft.AspNetCore.Authentication.Cookies.CookieAuthenticationOptions> context, int status)
    {
        if (context.Request.Path.StartsWithSegments("/api") || context.Request.Path.StartsWithSegments("/metrics"))
        {
            context.Response.StatusCode = status;
            return Task.CompletedTask;
        }
        context.Response.Redirect(context.RedirectUri);
        return Task.CompletedTask;
    }
}
