namespace FlowViz.Web.Components.Settings;

/// <summary>One saved version as the history list shows it.</summary>
public sealed record HistoryEntry(long Version, string Source, string? SavedBy, string? Comment, DateTimeOffset CreatedAt, int Rows);
