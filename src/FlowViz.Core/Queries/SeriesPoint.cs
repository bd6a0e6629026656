namespace FlowViz.Core.Queries;

/// <summary>A bucket's start (Unix seconds, UTC) and the average per-second rate within it.</summary>
public readonly record struct SeriesPoint(long UnixSeconds, double Rate);
