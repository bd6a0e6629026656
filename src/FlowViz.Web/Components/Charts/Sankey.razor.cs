using System.Globalization;
using Microsoft.AspNetCore.Components;

namespace FlowViz.Web.Components.Charts;

/// <summary>
/// A small sankey drawn on the server as SVG (no chart library): nodes in columns, bands whose thickness is
/// proportional to the value they carry (<see cref="SankeyLayout"/>). Node labels sit right of the node, left of it
/// in the last column. The SVG is one image to assistive technology, named by <see cref="Summary"/>.
/// </summary>
public partial class Sankey
{
    /// <summary>Room around the drawing for labels that overhang the first and last rows.</summary>
    public const double Margin = 8;

    private SankeyGeometry _geometry = new(0, 0, [], []);
    private Dictionary<string, string> _labels = [];
    private int _lastColumn;

    [Parameter, EditorRequired] public IReadOnlyList<SankeyNode> Nodes { get; set; } = [];
    [Parameter, EditorRequired] public IReadOnlyList<SankeyLink> Links { get; set; } = [];
    /// <summary>How a value reads (with its unit), in titles and the summary.</summary>
    [Parameter, EditorRequired] public Func<double, string> ValueText { get; set; } = v => v.ToString(CultureInfo.InvariantCulture);
    [Parameter] public string Title { get; set; } = "Sankey diagram";
    [Parameter] public string? Caption { get; set; }
    [Parameter] public double Width { get; set; } = 720;
    [Parameter] public double Height { get; set; } = 240;

    private string ViewBox => FormattableString.Invariant($"0 0 {Width + 2 * Margin} {Height + 2 * Margin}");

    private static string Translate => FormattableString.Invariant($"translate({Margin},{Margin})");

    /// <summary>The title, then every band in words: what a screen reader reads instead of the picture.</summary>
    private string Summary => Links.Count == 0
        ? $"{Title}: nothing to show"
        : $"{Title}: " + string.Join("; ", _geometry.Links.Select(l => $"{LabelOf(l.Link.From)} to {LabelOf(l.Link.To)} {ValueText(l.Link.Value)}"));

    protected override void OnParametersSet()
    {
        _geometry = SankeyLayout.Compute(Nodes, Links, Width, Height);
        _labels = Nodes.ToDictionary(n => n.Id, n => n.Label, StringComparer.Ordinal);
        _lastColumn = Nodes.Count == 0 ? 0 : Nodes.Max(n => n.Column);
    }

    private string LabelOf(string id) => _labels.GetValueOrDefault(id, id);

    private double LabelX(PlacedSankeyNode node) => IsLast(node) ? node.X - 4 : node.X + node.Width + 4;

    private string LabelAnchor(PlacedSankeyNode node) => IsLast(node) ? "end" : "start";

    private bool IsLast(PlacedSankeyNode node) => node.Node.Column == _lastColumn && _lastColumn > 0;

    private static string Number(double value) => value.ToString("0.##", CultureInfo.InvariantCulture);
}
