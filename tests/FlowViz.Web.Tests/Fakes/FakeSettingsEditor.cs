using FlowViz.Core.Interfaces;
using FlowViz.Enrichment;
using FlowViz.Storage.Settings;
using FlowViz.Web.Settings;

namespace FlowViz.Web.Tests.Fakes;

/// <summary>Holds one version of each list; saves append a version unless <see cref="SaveFailure"/> is set; records what was asked.</summary>
public sealed class FakeSettingsEditor : ISettingsEditor
{
    public FakeSettingsEditor()
    {
        Networks = new FakeSettingsList<LocalNetworkRow, NetworkPreview>(this, NetworkVersions,
            rows => EnrichmentRowCheck.Networks([.. rows.Select(EnrichmentRulesApplier.ToOptions)]),
            () => new NetworkPreview(Saved.AddHours(-1), Saved, [new("in", 100, 300), new("out", 50, 50)]));
        Applications = new FakeSettingsList<ApplicationRuleRow, ApplicationPreview>(this, ApplicationVersions,
            rows => EnrichmentRowCheck.Applications([.. rows.Select(EnrichmentRulesApplier.ToOptions)]),
            () => ApplicationPreviewResult);
    }

    public static readonly DateTimeOffset Saved = new(2026, 11, 23, 9, 30, 0, TimeSpan.Zero);

    public List<SettingsVersion<LocalNetworkRow>> NetworkVersions { get; } =
        [new(1, [new("lab", "192.0.2.0/24"), new("office", "198.51.100.0/24")], "configuration", null, "from configuration", Saved)];

    public List<SettingsVersion<ApplicationRuleRow>> ApplicationVersions { get; } =
        [new(4, [new("game", "udp", "27015")], "api", "alice", "steam", Saved)];

    public ApplicationPreview ApplicationPreviewResult { get; set; } =
        new(Saved.AddHours(-1), Saved, [new("https", 5_000, 5_000), new("game", 0, 1_200)], 1_200, 6_200);

    public Exception? SaveFailure { get; set; }

    public int Previews { get; set; }

    public List<(object Rows, long? EditedVersion, SettingsSave Save)> Saves { get; } = [];

    public ISettingsList<LocalNetworkRow, NetworkPreview> Networks { get; }

    public ISettingsList<ApplicationRuleRow, ApplicationPreview> Applications { get; }

    public Task<InterfaceRuleSet?> InterfaceRulesAsync(CancellationToken cancellationToken) => Task.FromResult<InterfaceRuleSet?>(null);

    public Task<IReadOnlyList<InterfaceRuleSet>> InterfaceRuleHistoryAsync(CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<InterfaceRuleSet>>([]);

    public Task<IReadOnlyList<InterfacePreview>> PreviewInterfaceRulesAsync(IReadOnlyList<InterfaceRule> rules, CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<InterfacePreview>>([]);

    public Task<InterfaceRuleSet> SaveInterfaceRulesAsync(IReadOnlyList<InterfaceRule> rules, long? editedVersion, SettingsSave save, CancellationToken cancellationToken) =>
        Task.FromResult(new InterfaceRuleSet(1, rules, "api", save.Comment, Saved, save.User));
}
