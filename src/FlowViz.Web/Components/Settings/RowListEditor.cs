using FlowViz.Core.Versioning;
using FlowViz.Enrichment;
using FlowViz.Web.Settings;
using Microsoft.AspNetCore.Components;

namespace FlowViz.Web.Components.Settings;

/// <summary>
/// What the three settings editors share: the edited rows (add, remove, move), mistakes by row and field, the version
/// the edit started from, and the outcome of preview and save (saved, refused as stale, failed). Subclasses read and
/// write their list through <see cref="ISettingsEditor"/>.
/// </summary>
public abstract class RowListEditor<TRow> : ComponentBase where TRow : class, new()
{
    [Inject] protected ISettingsEditor Editor { get; set; } = default!;
    [Inject] private ILogger<RowListEditor<TRow>> Logger { get; set; } = default!;

    /// <summary>The signed-in user, recorded with each save.</summary>
    [Parameter] public string? User { get; set; }

    protected List<TRow> Rows { get; private set; } = [];
    protected IReadOnlyList<RowError> Errors { get; set; } = [];
    protected IReadOnlyList<HistoryEntry> History { get; private set; } = [];
    protected long? EditedVersion { get; private set; }
    protected bool Loaded { get; private set; }
    protected bool Busy { get; private set; }
    protected string Comment { get; set; } = "";

    /// <summary>What happened last (saved, nothing to preview…); null when nothing to say.</summary>
    protected string? Status { get; set; }

    /// <summary>Set when a save was refused because someone saved since the edit began.</summary>
    protected StaleVersionException? Stale { get; private set; }

    protected string? Failure { get; set; }

    protected override Task OnInitializedAsync() => ReloadAsync();

    protected async Task ReloadAsync()
    {
        await RunAsync(async ct =>
        {
            var (version, rows, history) = await LoadAsync(ct);
            EditedVersion = version;
            Rows = [.. rows];
            History = history;
            Errors = [];
            Stale = null;
            ClearPreview();
            Loaded = true;
        });
    }

    protected void Add() => Rows.Add(new TRow());

    protected void Remove(int index) => Rows.RemoveAt(index);

    protected void Move(int index, int by)
    {
        var target = index + by;
        if (target < 0 || target >= Rows.Count)
        {
            return;
        }
        (Rows[index], Rows[target]) = (Rows[target], Rows[index]);
        Errors = []; // they named rows by their old positions
    }

    protected IEnumerable<string> ErrorsAt(int row, string field) => Errors.Where(e => e.Row == row && e.Field == field).Select(e => e.Message);

    protected bool HasErrors(int row) => Errors.Any(e => e.Row == row);

    protected async Task PreviewAsync()
    {
        if (!Check())
        {
            return;
        }
        await RunAsync(async ct =>
        {
            await ShowPreviewAsync(ct);
            Status = null;
        });
    }

    protected async Task SaveAsync()
    {
        if (!Check())
        {
            return;
        }
        await RunAsync(async ct =>
        {
            var saved = await SaveRowsAsync(EditedVersion, string.IsNullOrWhiteSpace(Comment) ? null : Comment.Trim(), ct);
            var (version, rows, history) = await LoadAsync(ct);
            EditedVersion = version;
            Rows = [.. rows];
            History = history;
            Comment = "";
            ClearPreview();
            Status = $"Saved as version {saved}. It applies from now on.";
        });
    }

    /// <summary>The version in force, its rows as editable copies, and the history.</summary>
    protected abstract Task<(long? Version, IEnumerable<TRow> Rows, IReadOnlyList<HistoryEntry> History)> LoadAsync(CancellationToken cancellationToken);

    /// <summary>Mistakes found without asking the server (the same checks it applies).</summary>
    protected abstract IReadOnlyList<RowError> CheckRows();

    protected abstract Task ShowPreviewAsync(CancellationToken cancellationToken);

    protected abstract void ClearPreview();

    /// <summary>Saves the rows as edited from <paramref name="editedVersion"/>; returns the new version.</summary>
    protected abstract Task<long> SaveRowsAsync(long? editedVersion, string? comment, CancellationToken cancellationToken);

    /// <summary>Turns a list-specific refusal into row mistakes; false when <paramref name="exception"/> is not one.</summary>
    protected virtual bool TryReadMistakes(Exception exception, out IReadOnlyList<RowError> errors)
    {
        errors = exception is SettingsValidationException invalid ? invalid.Errors : [];
        return exception is SettingsValidationException;
    }

    private bool Check()
    {
        Errors = CheckRows();
        Status = Errors.Count == 0 ? null : $"{Errors.Count} mistake{(Errors.Count == 1 ? "" : "s")} to fix first, shown at {(Errors.Count == 1 ? "its row" : "their rows")}.";
        return Errors.Count == 0;
    }

    private async Task RunAsync(Func<CancellationToken, Task> work)
    {
        Busy = true;
        Failure = null;
        Stale = null;
        try
        {
            await work(CancellationToken.None);
        }
        catch (StaleVersionException stale)
        {
            Stale = stale;
        }
        catch (Exception exception) when (TryReadMistakes(exception, out var errors))
        {
            Errors = errors;
            Status = $"{errors.Count} mistake{(errors.Count == 1 ? "" : "s")} to fix first, shown at {(errors.Count == 1 ? "its row" : "their rows")}.";
        }
        catch (Exception exception)
        {
            Logger.LogError(exception, "Settings: {List} failed", typeof(TRow).Name);
            Failure = $"That did not work: {exception.Message}";
        }
        finally
        {
            Busy = false;
        }
    }
}
