namespace FlowViz.Web.Components.Charts;

/// <summary>A node of a <see cref="Sankey"/>: drawn in column <paramref name="Column"/> (0 = left), in the order given.</summary>
public sealed record SankeyNode(string Id, string Label, int Column);
