using FlowViz.Enrichment;
using FlowViz.Storage.Settings;

namespace FlowViz.Web.Settings;

/// <summary>
/// One versioned enrichment list (local networks, application rules) as the Settings page and API edit it: the version
/// in force, the history, a check of candidate rows, their preview on the last hour, and a save under optimistic
/// concurrency that puts the new version in force and writes the audit log.
/// </summary>
public interface ISettingsList<TRow, TPreview>
{
    Task<SettingsVersion<TRow>?> CurrentAsync(CancellationToken cancellationToken);

    Task<IReadOnlyList<SettingsVersion<TRow>>> HistoryAsync(CancellationToken cancellationToken);

    /// <summary>The mistakes in <paramref name="rows"/>, by row and field; empty when they can be saved.</summary>
    IReadOnlyList<RowError> Check(IReadOnlyList<TRow> rows);

    /// <summary>Throws <see cref="SettingsValidationException"/> when <see cref="Check"/> finds mistakes.</summary>
    Task<TPreview> PreviewAsync(IReadOnlyList<TRow> rows, CancellationToken cancellationToken);

    /// <summary>Throws <see cref="SettingsValidationException"/> or <see cref="Core.Versioning.StaleVersionException"/>.</summary>
    Task<SettingsVersion<TRow>> SaveAsync(IReadOnlyList<TRow> rows, long? editedVersion, SettingsSave save, CancellationToken cancellationToken);
}
