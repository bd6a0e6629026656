namespace FlowViz.Core.Queries;

/// <summary>One key of a top-N answer: <paramref name="Key"/> is machine-readable, <paramref name="Label"/> for people.</summary>
public sealed record TopRow(string Key, string Label, long Flows, long Packets, long Bytes);
