using FlowViz.Identity.Audit;
using FlowViz.Identity.Tenants;
using FlowViz.Identity.Tokens;
using Microsoft.Extensions.DependencyInjection;

namespace FlowViz.Identity.Administration;

/// <summary>The admin pages' services over the accounts services (<see cref="IdentityServiceCollectionExtensions.AddFlowVizAccounts"/>).</summary>
public static class AdministrationServiceCollectionExtensions
{
    public static IServiceCollection AddFlowVizAdministration(this IServiceCollection services)
    {
        services.AddSingleton<UserAdministration>();
        services.AddSingleton<TenantMembers>();
        services.AddSingleton<AuditSearch>();
        services.AddSingleton<TokenAdministration>();
        return services;
    }
}
