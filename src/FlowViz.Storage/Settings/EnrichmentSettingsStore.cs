using Npgsql;

namespace FlowViz.Storage.Settings;

/// <summary>The versioned local networks and application rules that enrichment uses (0008_enrichment_settings.sql).</summary>
public sealed class EnrichmentSettingsStore(NpgsqlDataSource dataSource)
{
    public VersionedSettings<LocalNetworkRow> Networks { get; } = new(dataSource, LocalNetworkKind.Instance);

    public VersionedSettings<ApplicationRuleRow> Applications { get; } = new(dataSource, ApplicationRuleKind.Instance);
}
