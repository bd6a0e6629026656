using FlowViz.Enrichment;
using FlowViz.Enrichment.Applications;
using FlowViz.Enrichment.Networks;
using FlowViz.Storage.Settings;
using Microsoft.Extensions.Options;

namespace FlowViz.Web.Settings;

/// <summary>
/// Puts the stored local networks and application rules in force: at start it seeds them from configuration
/// (<c>Enrichment:Networks</c>, <c>Enrichment:Applications</c>; the default private ranges when no network is
/// configured), then builds the enricher's lookup tables from the versions in force and swaps them in whole.
/// </summary>
public sealed class EnrichmentRulesApplier(
    EnrichmentSettingsStore store, LiveEnrichmentRules live, IOptions<EnrichmentOptions> options, ILogger<EnrichmentRulesApplier> logger)
{
    private readonly SemaphoreSlim _reload = new(1, 1);
    private SettingsVersion<LocalNetworkRow>? _networks;   // in force; guarded by _reload
    private SettingsVersion<ApplicationRuleRow>? _applications;

    /// <summary>Seeds from configuration and applies the stored versions; the host calls it before the collector starts.</summary>
    public async Task LoadAsync(CancellationToken cancellationToken)
    {
        var configured = options.Value;
        var networks = (configured.Networks.Count > 0 ? configured.Networks : LocalNetworkTable.DefaultNetworks).Select(ToRow).ToList();
        if (await store.Networks.SeedAsync(networks, "from configuration (Enrichment:Networks)", cancellationToken) is { } seededNetworks)
        {
            logger.LogInformation("Local networks from configuration saved as version {Version} ({Count} networks)", seededNetworks.Version, seededNetworks.Rows.Count);
        }
        var applications = configured.Applications.Select(ToRow).ToList();
        if (await store.Applications.SeedAsync(applications, "from configuration (Enrichment:Applications)", cancellationToken) is { } seededRules)
        {
            logger.LogInformation("Application rules from configuration saved as version {Version} ({Count} rules)", seededRules.Version, seededRules.Rows.Count);
        }
        await ReloadAsync(cancellationToken);
    }

    /// <summary>
    /// Reads the versions in force of both lists and swaps their tables in. Always what the database holds now, one
    /// reload at a time, so two saves finishing in the opposite order of their versions still leave the newest in force.
    /// </summary>
    public Task ReloadAsync(CancellationToken cancellationToken) =>
        SwapAsync(async () => (await store.Networks.ReadAsync(null, cancellationToken), await store.Applications.ReadAsync(null, cancellationToken)), cancellationToken);

    /// <summary>
    /// Puts just-saved local networks in force from the version in hand (unless a newer one already is: saves may finish
    /// out of order). The application rules are read as before, so another instance's save of them is still picked up.
    /// </summary>
    public Task ApplyAsync(SettingsVersion<LocalNetworkRow> saved, CancellationToken cancellationToken) =>
        SwapAsync(async () => (Newer(_networks, saved), await store.Applications.ReadAsync(null, cancellationToken)), cancellationToken);

    /// <summary>The same for just-saved application rules; the local networks are read, as before.</summary>
    public Task ApplyAsync(SettingsVersion<ApplicationRuleRow> saved, CancellationToken cancellationToken) =>
        SwapAsync(async () => (await store.Networks.ReadAsync(null, cancellationToken), Newer(_applications, saved)), cancellationToken);

    private async Task SwapAsync(
        Func<Task<(SettingsVersion<LocalNetworkRow>? Networks, SettingsVersion<ApplicationRuleRow>? Rules)>> versions, CancellationToken cancellationToken)
    {
        await _reload.WaitAsync(cancellationToken);
        try
        {
            var (networks, rules) = await versions();
            live.Swap(Build(networks?.Rows ?? [], rules?.Rows ?? []));
            (_networks, _applications) = (networks, rules);
            logger.LogInformation("Enrichment uses local networks version {Networks} and application rules version {Rules}", networks?.Version, rules?.Version);
        }
        finally
        {
            _reload.Release();
        }
    }

    private static SettingsVersion<TRow> Newer<TRow>(SettingsVersion<TRow>? inForce, SettingsVersion<TRow> saved) =>
        inForce is not null && inForce.Version > saved.Version ? inForce : saved;

    /// <summary>
    /// The tables of stored rows. Rows were checked when saved; should a later, stricter check refuse one, it is left
    /// out rather than stopping ingest.
    /// </summary>
    public static EnrichmentConfiguration Build(IReadOnlyList<LocalNetworkRow> networks, IReadOnlyList<ApplicationRuleRow> rules) =>
        new(BuildNetworks(networks, []), BuildApplications(rules, []));

    public static ApplicationRules BuildApplications(IReadOnlyList<ApplicationRuleRow> rules, List<string> errors) =>
        ApplicationRules.Build([.. rules.Select(ToOptions)], errors);

    public static LocalNetworkTable BuildNetworks(IReadOnlyList<LocalNetworkRow> networks, List<string> errors) =>
        LocalNetworkTable.Build([.. networks.Select(ToOptions)], errors);

    public static NetworkOptions ToOptions(LocalNetworkRow row) => new() { Name = row.Name, Prefix = row.Prefix };

    public static ApplicationOptions ToOptions(ApplicationRuleRow row) =>
        new() { Name = row.Name, Protocol = row.Protocol, Ports = string.IsNullOrWhiteSpace(row.Ports) ? null : row.Ports };

    private static LocalNetworkRow ToRow(NetworkOptions options) => new(options.Name, options.Prefix);

    private static ApplicationRuleRow ToRow(ApplicationOptions options) => new(options.Name, options.Protocol, options.Ports ?? "");
}
