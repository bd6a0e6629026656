namespace FlowViz.Collector.Spooling;

/// <summary>A place in the spool: the segment (by sequence number) and a byte offset in it.</summary>
internal readonly record struct SpoolPosition(long Sequence, long Offset);
