using FlowViz.Storage.Settings;

namespace FlowViz.Web.Settings;

public static class SettingsServiceCollectionExtensions
{
    /// <summary>
    /// The stored local networks and application rules and the Settings editor (after enrichment, storage, interfaces
    /// and access are added). The host calls <see cref="EnrichmentRulesApplier.LoadAsync"/> after the migrations.
    /// </summary>
    public static IServiceCollection AddFlowVizSettings(this IServiceCollection services)
    {
        services.AddSingleton<EnrichmentSettingsStore>();
        services.AddSingleton<RecentTraffic>();
        services.AddSingleton<SettingsPreviews>();
        services.AddSingleton<EnrichmentRulesApplier>();
        // Scoped: it edits interface rules through IInterfaceCatalog, which is the viewer-scoped catalogue (a tenant
        // viewer is refused there too, not only by the Operator policy on the page and API).
        services.AddScoped<ISettingsEditor, SettingsEditor>();
        return services;
    }
}
