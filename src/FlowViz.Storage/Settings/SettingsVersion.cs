namespace FlowViz.Storage.Settings;

/// <summary>One saved version of a settings list; the newest is in force. Saved versions are never changed.</summary>
/// <param name="Version">Increases with each save.</param>
/// <param name="Rows">The rows in order.</param>
/// <param name="Source"><c>configuration</c> (seeded at start) or <c>api</c> (saved by a person).</param>
/// <param name="SavedBy">The user who saved it; null for configuration seeds.</param>
/// <param name="Comment">What the person saving said about the change.</param>
/// <param name="CreatedAt">When it was saved.</param>
public sealed record SettingsVersion<TRow>(
    long Version, IReadOnlyList<TRow> Rows, string Source, string? SavedBy, string? Comment, DateTimeOffset CreatedAt);
