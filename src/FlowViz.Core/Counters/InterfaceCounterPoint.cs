namespace FlowViz.Core.Counters;

/// <summary>A bucket's start (Unix seconds, UTC) and the interface's average in and out rates within it, in bit/s.</summary>
public readonly record struct InterfaceCounterPoint(long UnixSeconds, double InBps, double OutBps);
