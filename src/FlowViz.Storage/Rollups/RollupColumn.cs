namespace FlowViz.Storage.Rollups;

/// <summary>A dimension column of a cube: its name (the flows column it comes from, or local_host) and the value it holds.</summary>
public sealed record RollupColumn(string Name, RollupField Field);
