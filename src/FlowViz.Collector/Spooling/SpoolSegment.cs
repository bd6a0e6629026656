namespace FlowViz.Collector.Spooling;

/// <summary>A segment that is no longer appended to: from a previous run, or rolled over at its size.</summary>
internal sealed record SpoolSegment(long Sequence, string Path, long Length);
