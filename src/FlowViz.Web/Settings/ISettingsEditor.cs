using FlowViz.Core.Interfaces;
using FlowViz.Storage.Settings;

namespace FlowViz.Web.Settings;

/// <summary>
/// What the Settings page and the settings API do: read, preview and save (versioned, under optimistic concurrency)
/// the local networks, the application rules and the interface classification rules. A save checks every row
/// first (<see cref="SettingsValidationException"/>), refuses a stale version
/// (<see cref="Core.Versioning.StaleVersionException"/>), puts the new version in force and writes the audit log.
/// </summary>
public interface ISettingsEditor
{
    ISettingsList<LocalNetworkRow, NetworkPreview> Networks { get; }

    ISettingsList<ApplicationRuleRow, ApplicationPreview> Applications { get; }

    Task<InterfaceRuleSet?> InterfaceRulesAsync(CancellationToken cancellationToken);

    Task<IReadOnlyList<InterfaceRuleSet>> InterfaceRuleHistoryAsync(CancellationToken cancellationToken);

    /// <summary>What the rules would make of each known interface; throws <see cref="InterfaceRulesException"/> when invalid.</summary>
    Task<IReadOnlyList<InterfacePreview>> PreviewInterfaceRulesAsync(IReadOnlyList<InterfaceRule> rules, CancellationToken cancellationToken);

    /// <summary>Throws <see cref="InterfaceRulesException"/> when invalid.</summary>
    Task<InterfaceRuleSet> SaveInterfaceRulesAsync(
        IReadOnlyList<InterfaceRule> rules, long? editedVersion, SettingsSave save, CancellationToken cancellationToken);
}
