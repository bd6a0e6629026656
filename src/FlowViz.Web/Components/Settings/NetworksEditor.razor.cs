using FlowViz.Enrichment;
using FlowViz.Storage.Settings;
using FlowViz.Web.Settings;

namespace FlowViz.Web.Components.Settings;

/// <summary>Edits the local networks: rows, preview of in/out/internal/transit bytes, save with the version.</summary>
public partial class NetworksEditor
{
    private NetworkPreview? _preview;

    protected override async Task<(long? Version, IEnumerable<NetworkEdit> Rows, IReadOnlyList<HistoryEntry> History)> LoadAsync(CancellationToken cancellationToken)
    {
        var current = await Editor.NetworksAsync(cancellationToken);
        var history = await Editor.NetworkHistoryAsync(cancellationToken);
        return (current?.Version,
            (current?.Rows ?? []).Select(r => new NetworkEdit { Name = r.Name, Prefix = r.Prefix }),
            [.. history.Select(v => new HistoryEntry(v.Version, v.Source, v.SavedBy, v.Comment, v.CreatedAt, v.Rows.Count))]);
    }

    protected override IReadOnlyList<RowError> CheckRows() => EnrichmentRowCheck.Networks([.. Candidate().Select(EnrichmentRulesApplier.ToOptions)]);

    protected override async Task ShowPreviewAsync(CancellationToken cancellationToken) =>
        _preview = await Editor.PreviewNetworksAsync(Candidate(), cancellationToken);

    protected override void ClearPreview() => _preview = null;

    protected override async Task<long> SaveRowsAsync(long? editedVersion, string? comment, CancellationToken cancellationToken) =>
        (await Editor.SaveNetworksAsync(Candidate(), editedVersion, new SettingsSave(User, null, comment), cancellationToken)).Version;

    private List<LocalNetworkRow> Candidate() => [.. Rows.Select(r => new LocalNetworkRow(r.Name.Trim(), r.Prefix.Trim()))];
}
