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
        services.AddSingleton<ISettingsEditor, SettingsEditor>();
        return services;
    }
}
