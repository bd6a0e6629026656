using FlowViz.Enrichment;
using FlowViz.Identity.Audit;
using FlowViz.Storage.Settings;

namespace FlowViz.Web.Settings;

/// <summary>
/// <see cref="ISettingsList{TRow, TPreview}"/> over one <see cref="VersionedSettings{TRow}"/>: what differs between
/// the lists (their check, preview, how a saved version is put in force, the audit words) is passed in.
/// </summary>
/// <param name="versions">The stored versions of the list.</param>
/// <param name="check">The row checks the save applies (the page runs them before asking too).</param>
/// <param name="preview">The effect of candidate rows on the last hour.</param>
/// <param name="putInForce">Puts a just-saved version in force for the enricher.</param>
/// <param name="audit">Where each save is recorded.</param>
/// <param name="auditAction">The audit log's action name for a save of this list.</param>
/// <param name="Words">The list's name and its rows' in the audit log: ("local networks", "networks").</param>
public sealed class SettingsList<TRow, TPreview>(
    VersionedSettings<TRow> versions,
    Func<IReadOnlyList<TRow>, IReadOnlyList<RowError>> check,
    Func<IReadOnlyList<TRow>, CancellationToken, Task<TPreview>> preview,
    Func<SettingsVersion<TRow>, CancellationToken, Task> putInForce,
    AuditLog audit,
    string auditAction,
    (string List, string Rows) Words) : ISettingsList<TRow, TPreview>
{
    public Task<SettingsVersion<TRow>?> CurrentAsync(CancellationToken cancellationToken) => versions.ReadAsync(null, cancellationToken);

    public Task<IReadOnlyList<SettingsVersion<TRow>>> HistoryAsync(CancellationToken cancellationToken) => versions.HistoryAsync(cancellationToken);

    public IReadOnlyList<RowError> Check(IReadOnlyList<TRow> rows) => check(rows);

    public Task<TPreview> PreviewAsync(IReadOnlyList<TRow> rows, CancellationToken cancellationToken)
    {
        ThrowIfInvalid(rows);
        return preview(rows, cancellationToken);
    }

    public async Task<SettingsVersion<TRow>> SaveAsync(IReadOnlyList<TRow> rows, long? editedVersion, SettingsSave save, CancellationToken cancellationToken)
    {
        ThrowIfInvalid(rows);
        var saved = await versions.SaveAsync(rows, editedVersion, save.User, save.Comment, cancellationToken);
        await putInForce(saved, cancellationToken);
        await audit.WriteSaveAsync(save, auditAction, $"{Words.List} version {saved.Version} ({saved.Rows.Count} {Words.Rows})", cancellationToken);
        return saved;
    }

    private void ThrowIfInvalid(IReadOnlyList<TRow> rows)
    {
        if (check(rows) is { Count: > 0 } errors)
        {
            throw new SettingsValidationException(errors);
        }
    }
}
