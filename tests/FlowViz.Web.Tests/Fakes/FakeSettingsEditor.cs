using FlowViz.Core.Interfaces;
using FlowViz.Storage.Settings;
using FlowViz.Web.Settings;

namespace FlowViz.Web.Tests.Fakes;

/// <summary>Holds one version of each list; saves append a version unless <see cref="SaveFailure"/> is set; records what was asked.</summary>
public sealed class FakeSettingsEditor : ISettingsEditor
{
    public static readonly DateTimeOffset Saved = new(2026, 11, 23, 9, 30, 0, TimeSpan.Zero);

    public List<SettingsVersion<LocalNetworkRow>> NetworkVersions { get; } =
        [new(1, [new("lab", "192.0.2.0/24"), new("office", "198.51.100.0/24")], "configuration", null, "from configuration", Saved)];

    public List<SettingsVersion<ApplicationRuleRow>> ApplicationVersions { get; } =
        [new(4, [new("game", "udp", "27015")], "api", "alice", "steam", Saved)];

    public ApplicationPreview ApplicationPreviewResult { get; set; } =
        new(Saved.AddHours(-1), Saved, [new("https", 5_000, 5_000), new("game", 0, 1_200)], 1_200, 6_200);

    public Exception? SaveFailure { get; set; }

    public int Previews { get; private set; }

    public List<(object Rows, long? EditedVersion, SettingsSave Save)> Saves { get; } = [];

    public Task<SettingsVersion<LocalNetworkRow>?> NetworksAsync(CancellationToken cancellationToken) =>
        Task.FromResult<SettingsVersion<LocalNetworkRow>?>(NetworkVersions[^1]);

    public Task<IReadOnlyList<SettingsVersion<LocalNetworkRow>>> NetworkHistoryAsync(CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<SettingsVersion<LocalNetworkRow>>>([.. Enumerable.Reverse(NetworkVersions)]);

    public Task<NetworkPreview> PreviewNetworksAsync(IReadOnlyList<LocalNetworkRow> networks, CancellationToken cancellationToken)
    {
        Previews++;
        return Task.FromResult(new NetworkPreview(Saved.AddHours(-1), Saved, [new("in", 100, 300), new("out", 50, 50)]));
    }

    public Task<SettingsVersion<LocalNetworkRow>> SaveNetworksAsync(IReadOnlyList<LocalNetworkRow> networks, long? editedVersion, SettingsSave save, CancellationToken cancellationToken)
    {
        Saves.Add((networks, editedVersion, save));
        if (SaveFailure is not null)
        {
            throw SaveFailure;
        }
        NetworkVersions.Add(new(NetworkVersions[^1].Version + 1, networks, "api", save.User, save.Comment, Saved));
        return Task.FromResult(NetworkVersions[^1]);
    }

    public Task<SettingsVersion<ApplicationRuleRow>?> ApplicationsAsync(CancellationToken cancellationToken) =>
        Task.FromResult<SettingsVersion<ApplicationRuleRow>?>(ApplicationVersions[^1]);

    public Task<IReadOnlyList<SettingsVersion<ApplicationRuleRow>>> ApplicationHistoryAsync(CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<SettingsVersion<ApplicationRuleRow>>>([.. Enumerable.Reverse(ApplicationVersions)]);

    public Task<ApplicationPreview> PreviewApplicationsAsync(IReadOnlyList<ApplicationRuleRow> rules, CancellationToken cancellationToken)
    {
        Previews++;
        return Task.FromResult(ApplicationPreviewResult);
    }

    public Task<SettingsVersion<ApplicationRuleRow>> SaveApplicationsAsync(IReadOnlyList<ApplicationRuleRow> rules, long? editedVersion, SettingsSave save, CancellationToken cancellationToken)
    {
        Saves.Add((rules, editedVersion, save));
        if (SaveFailure is not null)
        {
            throw SaveFailure;
        }
        ApplicationVersions.Add(new(ApplicationVersions[^1].Version + 1, rules, "api", save.User, save.Comment, Saved));
        return Task.FromResult(ApplicationVersions[^1]);
    }

    public Task<InterfaceRuleSet?> InterfaceRulesAsync(CancellationToken cancellationToken) => Task.FromResult<InterfaceRuleSet?>(null);

    public Task<IReadOnlyList<InterfaceRuleSet>> InterfaceRuleHistoryAsync(CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<InterfaceRuleSet>>([]);

    public Task<IReadOnlyList<InterfacePreview>> PreviewInterfaceRulesAsync(IReadOnlyList<InterfaceRule> rules, CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<InterfacePreview>>([]);

    public Task<InterfaceRuleSet> SaveInterfaceRulesAsync(IReadOnlyList<InterfaceRule> rules, long? editedVersion, SettingsSave save, CancellationToken cancellationToken) =>
        Task.FromResult(new InterfaceRuleSet(1, rules, "api", save.Comment, Saved, save.User));
}
