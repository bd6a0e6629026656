using FlowViz.Enrichment;
using FlowViz.Storage.Settings;
using FlowViz.Web.Settings;

namespace FlowViz.Web.Tests.Fakes;

/// <summary>
/// One list of <see cref="FakeSettingsEditor"/>: its versions in memory, the real row checks, a fixed preview; saves
/// append a version unless the editor's <see cref="FakeSettingsEditor.SaveFailure"/> is set, and are recorded there.
/// </summary>
public sealed class FakeSettingsList<TRow, TPreview>(
    FakeSettingsEditor editor, List<SettingsVersion<TRow>> versions, Func<IReadOnlyList<TRow>, IReadOnlyList<RowError>> check, Func<TPreview> preview)
    : ISettingsList<TRow, TPreview>
{
    public Task<SettingsVersion<TRow>?> CurrentAsync(CancellationToken cancellationToken) => Task.FromResult<SettingsVersion<TRow>?>(versions[^1]);

    public Task<IReadOnlyList<SettingsVersion<TRow>>> HistoryAsync(CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<SettingsVersion<TRow>>>([.. Enumerable.Reverse(versions)]);

    public IReadOnlyList<RowError> Check(IReadOnlyList<TRow> rows) => check(rows);

    public Task<TPreview> PreviewAsync(IReadOnlyList<TRow> rows, CancellationToken cancellationToken)
    {
        editor.Previews++;
        return Task.FromResult(preview());
    }

    public Task<SettingsVersion<TRow>> SaveAsync(IReadOnlyList<TRow> rows, long? editedVersion, SettingsSave save, CancellationToken cancellationToken)
    {
        editor.Saves.Add((rows, editedVersion, save));
        if (editor.SaveFailure is not null)
        {
            throw editor.SaveFailure;
        }
        versions.Add(new(versions[^1].Version + 1, rows, "api", save.User, save.Comment, FakeSettingsEditor.Saved));
        return Task.FromResult(versions[^1]);
    }
}
