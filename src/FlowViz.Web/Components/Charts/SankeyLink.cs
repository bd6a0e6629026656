namespace FlowViz.Web.Components.Charts;

/// <summary>A flow of <paramref name="Value"/> from one <see cref="SankeyNode"/> to another (by id), left to right.</summary>
public sealed record SankeyLink(string From, string To, double Value);
