namespace FlowViz.Web.Settings;

/// <summary>
/// What candidate application rules would make of the raw flows of <see cref="From"/>–<see cref="To"/>: bytes per
/// application as stored at ingest and as the candidate rules name them (top applications, the rest as "other"),
/// and how many bytes would change application.
/// </summary>
public sealed record ApplicationPreview(DateTimeOffset From, DateTimeOffset To, IReadOnlyList<PreviewRow> Applications, long ChangedBytes, long TotalBytes);
