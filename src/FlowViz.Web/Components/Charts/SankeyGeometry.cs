namespace FlowViz.Web.Components.Charts;

/// <summary>A node placed: its box, and the larger of what flows in and what flows out.</summary>
public sealed record PlacedSankeyNode(SankeyNode Node, double X, double Y, double Width, double Height, double Value);

/// <summary>A link placed: the centre line of a band from (X0, Y0) to (X1, Y1), <see cref="Thickness"/> thick.</summary>
public sealed record PlacedSankeyLink(SankeyLink Link, double X0, double Y0, double X1, double Y1, double Thickness)
{
    /// <summary>A cubic Bézier with horizontal tangents at both ends, as sankey diagrams draw their bands.</summary>
    public string Path
    {
        get
        {
            var middle = (X0 + X1) / 2;
            return FormattableString.Invariant($"M{X0:0.##},{Y0:0.##} C{middle:0.##},{Y0:0.##} {middle:0.##},{Y1:0.##} {X1:0.##},{Y1:0.##}");
        }
    }
}

/// <summary>Every node and link of a sankey, in drawing units of a <see cref="Width"/> × <see cref="Height"/> box.</summary>
public sealed record SankeyGeometry(double Width, double Height, IReadOnlyList<PlacedSankeyNode> Nodes, IReadOnlyList<PlacedSankeyLink> Links);
