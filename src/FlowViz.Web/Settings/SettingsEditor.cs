using FlowViz.Core.Interfaces;
using FlowViz.Enrichment;
using FlowViz.Identity.Audit;
using FlowViz.Storage.Settings;

namespace FlowViz.Web.Settings;

/// <summary>
/// <see cref="ISettingsEditor"/> over the settings store, the interface catalog, the live enricher and the audit log.
/// A saved list is put in force from the version in hand (<see cref="EnrichmentRulesApplier.ApplyAsync(SettingsVersion{LocalNetworkRow}, CancellationToken)"/>).
/// </summary>
public sealed class SettingsEditor : ISettingsEditor
{
    public const string NetworksSaved = "settings.networks.saved";
    public const string ApplicationsSaved = "settings.applications.saved";
    public const string InterfaceRulesSaved = "settings.interface_rules.saved";

    private readonly IInterfaceCatalog _interfaces;
    private readonly AuditLog _audit;

    public SettingsEditor(
        EnrichmentSettingsStore store, IInterfaceCatalog interfaces, EnrichmentRulesApplier applier, SettingsPreviews previews, AuditLog audit)
    {
        (_interfaces, _audit) = (interfaces, audit);
        Networks = new SettingsList<LocalNetworkRow, NetworkPreview>(
            store.Networks, rows => EnrichmentRowCheck.Networks([.. rows.Select(EnrichmentRulesApplier.ToOptions)]),
            previews.NetworksAsync, applier.ApplyAsync, audit, NetworksSaved, ("local networks", "networks"));
        Applications = new SettingsList<ApplicationRuleRow, ApplicationPreview>(
            store.Applications, rows => EnrichmentRowCheck.Applications([.. rows.Select(EnrichmentRulesApplier.ToOptions)]),
            previews.ApplicationsAsync, applier.ApplyAsync, audit, ApplicationsSaved, ("application rules", "rules"));
    }

    public ISettingsList<LocalNetworkRow, NetworkPreview> Networks { get; }

    public ISettingsList<ApplicationRuleRow, ApplicationPreview> Applications { get; }

    public Task<InterfaceRuleSet?> InterfaceRulesAsync(CancellationToken cancellationToken) => _interfaces.RulesAsync(null, cancellationToken);

    public Task<IReadOnlyList<InterfaceRuleSet>> InterfaceRuleHistoryAsync(CancellationToken cancellationToken) => _interfaces.RuleHistoryAsync(cancellationToken);

    public Task<IReadOnlyList<InterfacePreview>> PreviewInterfaceRulesAsync(IReadOnlyList<InterfaceRule> rules, CancellationToken cancellationToken) =>
        _interfaces.PreviewAsync(rules, cancellationToken);

    public async Task<InterfaceRuleSet> SaveInterfaceRulesAsync(
        IReadOnlyList<InterfaceRule> rules, long? editedVersion, SettingsSave save, CancellationToken cancellationToken)
    {
        var saved = await _interfaces.SaveRulesAsync(rules, save.Comment, editedVersion, save.User, cancellationToken);
        await _audit.WriteSaveAsync(save, InterfaceRulesSaved, $"interface rules version {saved.Version} ({saved.Rules.Count} rules)", cancellationToken);
        return saved;
    }
}
