using FlowViz.Enrichment;

namespace FlowViz.Web.Settings;

/// <summary>Edited rows that cannot be saved or previewed, each mistake at its row and field; nothing was written.</summary>
public sealed class SettingsValidationException(IReadOnlyList<RowError> errors)
    : Exception($"{errors.Count} mistake{(errors.Count == 1 ? "" : "s")}: " + string.Join(" ", errors.Select(e => $"row {e.Row + 1} {e.Field}: {e.Message}")))
{
    public IReadOnlyList<RowError> Errors { get; } = errors;
}
