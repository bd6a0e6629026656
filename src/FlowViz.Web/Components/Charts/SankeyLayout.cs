namespace FlowViz.Web.Components.Charts;

/// <summary>
/// Places a sankey's nodes and links with one scale for the whole diagram, so every node's height and every band's
/// thickness is proportional to its value and bands leave and enter a node stacked without overlap. Columns are
/// spread evenly across the width; nodes stack from the top in the order given, <see cref="Gap"/> apart.
/// </summary>
public static class SankeyLayout
{
    public const double NodeWidth = 12;
    public const double Gap = 10;

    public static SankeyGeometry Compute(IReadOnlyList<SankeyNode> nodes, IReadOnlyList<SankeyLink> links, double width, double height)
    {
        var ids = nodes.Select(n => n.Id).ToHashSet(StringComparer.Ordinal);
        var drawn = links.Where(l => l.Value > 0 && ids.Contains(l.From) && ids.Contains(l.To)).ToList();
        var value = nodes.ToDictionary(n => n.Id, n => Math.Max(
            drawn.Where(l => l.From == n.Id).Sum(l => l.Value), drawn.Where(l => l.To == n.Id).Sum(l => l.Value)), StringComparer.Ordinal);
        var columns = nodes.Select(n => n.Column).Distinct().Order().ToList();
        var scale = columns
            .Select(c => nodes.Where(n => n.Column == c).ToList())
            .Where(column => column.Sum(n => value[n.Id]) > 0)
            .Select(column => (height - Gap * (column.Count - 1)) / column.Sum(n => value[n.Id]))
            .DefaultIfEmpty(0)
            .Min();
        scale = Math.Max(scale, 0);

        var placed = new Dictionary<string, PlacedSankeyNode>(StringComparer.Ordinal);
        foreach (var (column, index) in columns.Select((c, i) => (c, i)))
        {
            var x = columns.Count == 1 ? 0 : index * (width - NodeWidth) / (columns.Count - 1);
            var y = 0.0;
            foreach (var node in nodes.Where(n => n.Column == column))
            {
                var h = value[node.Id] * scale;
                placed[node.Id] = new PlacedSankeyNode(node, x, y, NodeWidth, h, value[node.Id]);
                y += h + Gap;
            }
        }

        // Bands leave a node ordered by where they arrive, and arrive ordered by where they left, so they do not cross at the ends.
        var outOffset = placed.Keys.ToDictionary(id => id, _ => 0.0, StringComparer.Ordinal);
        var inOffset = placed.Keys.ToDictionary(id => id, _ => 0.0, StringComparer.Ordinal);
        var y0 = new double[drawn.Count];
        var y1 = new double[drawn.Count];
        var order = Enumerable.Range(0, drawn.Count).ToList();
        foreach (var i in order.OrderBy(i => placed[drawn[i].From].Y).ThenBy(i => placed[drawn[i].To].Y))
        {
            var thickness = drawn[i].Value * scale;
            y0[i] = placed[drawn[i].From].Y + outOffset[drawn[i].From] + thickness / 2;
            outOffset[drawn[i].From] += thickness;
        }
        foreach (var i in order.OrderBy(i => placed[drawn[i].To].Y).ThenBy(i => placed[drawn[i].From].Y))
        {
            var thickness = drawn[i].Value * scale;
            y1[i] = placed[drawn[i].To].Y + inOffset[drawn[i].To] + thickness / 2;
            inOffset[drawn[i].To] += thickness;
        }
        var placedLinks = order.Select(i => new PlacedSankeyLink(drawn[i],
            placed[drawn[i].From].X + NodeWidth, y0[i], placed[drawn[i].To].X, y1[i], drawn[i].Value * scale)).ToList();
        return new SankeyGeometry(width, height, [.. nodes.Select(n => placed[n.Id])], placedLinks);
    }
}
