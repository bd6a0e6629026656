using FlowViz.Enrichment;
using FlowViz.Storage.Settings;
using FlowViz.Web.Settings;

namespace FlowViz.Web.Components.Settings;

/// <summary>
/// A <see cref="RowListEditor{TEdit}"/> over one <see cref="ISettingsList{TRow, TPreview}"/> of the editor: load, check,
/// preview and save are the same for every such list; a subclass names its list and converts its rows.
/// </summary>
public abstract class SettingsListEditor<TEdit, TRow, TPreview> : RowListEditor<TEdit> where TEdit : class, new() where TPreview : class
{
    /// <summary>The last preview; null until one is asked for, and again once the rows were saved or reloaded.</summary>
    protected TPreview? Preview { get; private set; }

    protected abstract ISettingsList<TRow, TPreview> List { get; }

    /// <summary>A stored row as an editable copy.</summary>
    protected abstract TEdit ToEdit(TRow row);

    /// <summary>An edited row as it would be saved (trimmed).</summary>
    protected abstract TRow ToRow(TEdit edit);

    protected override async Task<(long? Version, IEnumerable<TEdit> Rows, IReadOnlyList<HistoryEntry> History)> LoadAsync(CancellationToken cancellationToken)
    {
        var current = await List.CurrentAsync(cancellationToken);
        var history = await List.HistoryAsync(cancellationToken);
        return (current?.Version,
            (current?.Rows ?? []).Select(ToEdit),
            [.. history.Select(v => new HistoryEntry(v.Version, v.Source, v.SavedBy, v.Comment, v.CreatedAt, v.Rows.Count))]);
    }

    protected override IReadOnlyList<RowError> CheckRows() => List.Check(Candidate());

    protected override async Task ShowPreviewAsync(CancellationToken cancellationToken) =>
        Preview = await List.PreviewAsync(Candidate(), cancellationToken);

    protected override void ClearPreview() => Preview = null;

    protected override async Task<long> SaveRowsAsync(long? editedVersion, string? comment, CancellationToken cancellationToken) =>
        (await List.SaveAsync(Candidate(), editedVersion, new SettingsSave(User, null, comment), cancellationToken)).Version;

    private List<TRow> Candidate() => [.. Rows.Select(ToRow)];
}
