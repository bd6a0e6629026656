using FlowViz.Core.Interfaces;
using FlowViz.Enrichment;
using FlowViz.Identity.Audit;
using FlowViz.Storage.Settings;

namespace FlowViz.Web.Settings;

/// <summary><see cref="ISettingsEditor"/> over the settings store, the interface catalog, the live enricher and the audit log.</summary>
public sealed class SettingsEditor(
    EnrichmentSettingsStore store, IInterfaceCatalog interfaces, EnrichmentRulesApplier applier, SettingsPreviews previews, AuditLog audit) : ISettingsEditor
{
    public const string NetworksSaved = "settings.networks.saved";
    public const string ApplicationsSaved = "settings.applications.saved";
    public const string InterfaceRulesSaved = "settings.interface_rules.saved";

    public Task<SettingsVersion<LocalNetworkRow>?> NetworksAsync(CancellationToken cancellationToken) => store.Networks.ReadAsync(null, cancellationToken);

    public Task<IReadOnlyList<SettingsVersion<LocalNetworkRow>>> NetworkHistoryAsync(CancellationToken cancellationToken) => store.Networks.HistoryAsync(cancellationToken);

    public Task<NetworkPreview> PreviewNetworksAsync(IReadOnlyList<LocalNetworkRow> networks, CancellationToken cancellationToken)
    {
        ThrowIfInvalid(EnrichmentRowCheck.Networks([.. networks.Select(EnrichmentRulesApplier.ToOptions)]));
        return previews.NetworksAsync(networks, cancellationToken);
    }

    public async Task<SettingsVersion<LocalNetworkRow>> SaveNetworksAsync(
        IReadOnlyList<LocalNetworkRow> networks, long? editedVersion, SettingsSave save, CancellationToken cancellationToken)
    {
        ThrowIfInvalid(EnrichmentRowCheck.Networks([.. networks.Select(EnrichmentRulesApplier.ToOptions)]));
        var saved = await store.Networks.SaveAsync(networks, editedVersion, save.User, save.Comment, cancellationToken);
        await applier.ReloadAsync(cancellationToken);
        await AuditAsync(save, NetworksSaved, $"local networks version {saved.Version} ({saved.Rows.Count} networks)", cancellationToken);
        return saved;
    }

    public Task<SettingsVersion<ApplicationRuleRow>?> ApplicationsAsync(CancellationToken cancellationToken) => store.Applications.ReadAsync(null, cancellationToken);

    public Task<IReadOnlyList<SettingsVersion<ApplicationRuleRow>>> ApplicationHistoryAsync(CancellationToken cancellationToken) => store.Applications.HistoryAsync(cancellationToken);

    public Task<ApplicationPreview> PreviewApplicationsAsync(IReadOnlyList<ApplicationRuleRow> rules, CancellationToken cancellationToken)
    {
        ThrowIfInvalid(EnrichmentRowCheck.Applications([.. rules.Select(EnrichmentRulesApplier.ToOptions)]));
        return previews.ApplicationsAsync(rules, cancellationToken);
    }

    public async Task<SettingsVersion<ApplicationRuleRow>> SaveApplicationsAsync(
        IReadOnlyList<ApplicationRuleRow> rules, long? editedVersion, SettingsSave save, CancellationToken cancellationToken)
    {
        ThrowIfInvalid(EnrichmentRowCheck.Applications([.. rules.Select(EnrichmentRulesApplier.ToOptions)]));
        var saved = await store.Applications.SaveAsync(rules, editedVersion, save.User, save.Comment, cancellationToken);
        await applier.ReloadAsync(cancellationToken);
        await AuditAsync(save, ApplicationsSaved, $"application rules version {saved.Version} ({saved.Rows.Count} rules)", cancellationToken);
        return saved;
    }

    public Task<InterfaceRuleSet?> InterfaceRulesAsync(CancellationToken cancellationToken) => interfaces.RulesAsync(null, cancellationToken);

    public Task<IReadOnlyList<InterfaceRuleSet>> InterfaceRuleHistoryAsync(CancellationToken cancellationToken) => interfaces.RuleHistoryAsync(cancellationToken);

    public Task<IReadOnlyList<InterfacePreview>> PreviewInterfaceRulesAsync(IReadOnlyList<InterfaceRule> rules, CancellationToken cancellationToken) =>
        interfaces.PreviewAsync(rules, cancellationToken);

    public async Task<InterfaceRuleSet> SaveInterfaceRulesAsync(
        IReadOnlyList<InterfaceRule> rules, long? editedVersion, SettingsSave save, CancellationToken cancellationToken)
    {
        var saved = await interfaces.SaveRulesAsync(rules, save.Comment, editedVersion, save.User, cancellationToken);
        await AuditAsync(save, InterfaceRulesSaved, $"interface rules version {saved.Version} ({saved.Rules.Count} rules)", cancellationToken);
        return saved;
    }

    private Task AuditAsync(SettingsSave save, string action, string detail, CancellationToken cancellationToken) =>
        audit.WriteAsync(save.User, action, save.Comment is null ? detail : $"{detail}: {save.Comment}", save.RemoteAddress, cancellationToken);

    private static void ThrowIfInvalid(IReadOnlyList<RowError> errors)
    {
        if (errors.Count > 0)
        {
            throw new SettingsValidationException(errors);
        }
    }
}
