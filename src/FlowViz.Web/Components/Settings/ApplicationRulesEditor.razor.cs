using FlowViz.Enrichment;
using FlowViz.Storage.Settings;
using FlowViz.Web.Settings;

namespace FlowViz.Web.Components.Settings;

/// <summary>Edits the application rules: rows, preview of the last hour's top applications, save with the version.</summary>
public partial class ApplicationRulesEditor
{
    private ApplicationPreview? _preview;

    protected override async Task<(long? Version, IEnumerable<ApplicationRuleEdit> Rows, IReadOnlyList<HistoryEntry> History)> LoadAsync(CancellationToken cancellationToken)
    {
        var current = await Editor.ApplicationsAsync(cancellationToken);
        var history = await Editor.ApplicationHistoryAsync(cancellationToken);
        return (current?.Version,
            (current?.Rows ?? []).Select(r => new ApplicationRuleEdit { Name = r.Name, Protocol = r.Protocol, Ports = r.Ports }),
            [.. history.Select(v => new HistoryEntry(v.Version, v.Source, v.SavedBy, v.Comment, v.CreatedAt, v.Rows.Count))]);
    }

    protected override IReadOnlyList<RowError> CheckRows() => EnrichmentRowCheck.Applications([.. Candidate().Select(EnrichmentRulesApplier.ToOptions)]);

    protected override async Task ShowPreviewAsync(CancellationToken cancellationToken) =>
        _preview = await Editor.PreviewApplicationsAsync(Candidate(), cancellationToken);

    protected override void ClearPreview() => _preview = null;

    protected override async Task<long> SaveRowsAsync(long? editedVersion, string? comment, CancellationToken cancellationToken) =>
        (await Editor.SaveApplicationsAsync(Candidate(), editedVersion, new SettingsSave(User, null, comment), cancellationToken)).Version;

    private List<ApplicationRuleRow> Candidate() => [.. Rows.Select(r => new ApplicationRuleRow(r.Name.Trim(), r.Protocol.Trim(), r.Ports.Trim()))];
}
