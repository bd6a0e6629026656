using FlowViz.Core.Queries;
using FlowViz.Web.Components.Charts;

namespace FlowViz.Web.Components.AsAnalysis;

/// <summary>
/// The sankey of an origin AS page: the AS → the connectivity of each interface its traffic crosses (transit, IX,
/// PNI, … or "unclassified") → the interface. A band carries the interface's total over the range, in and out added;
/// "Other" (interfaces beyond the top N) is left out, as it has no single class.
/// </summary>
public static class AsInterfaceSankey
{
    public const string Unclassified = "unclassified";

    public static (IReadOnlyList<SankeyNode> Nodes, IReadOnlyList<SankeyLink> Links) Build(
        uint asn, IEnumerable<SeriesStatsRow> rows, IReadOnlyDictionary<string, AsInterfaceLabel> known)
    {
        var perInterface = rows.Where(r => !r.IsOther && r.Stats.Total > 0)
            .GroupBy(r => r.Key, StringComparer.Ordinal)
            .Select(g => (Key: g.Key, Total: g.Sum(r => r.Stats.Total)))
            .OrderByDescending(i => i.Total)
            .ToList();
        if (perInterface.Count == 0)
        {
            return ([], []);
        }
        string ClassOf(string key) => known.GetValueOrDefault(key)?.Connectivity ?? Unclassified;
        var asId = $"AS{asn}";
        var byClass = perInterface.GroupBy(i => ClassOf(i.Key), StringComparer.Ordinal)
            .Select(g => (Class: g.Key, Total: g.Sum(i => i.Total)))
            .OrderByDescending(c => c.Total)
            .ToList();
        var nodes = new List<SankeyNode> { new(asId, asId, 0) };
        nodes.AddRange(byClass.Select(c => new SankeyNode("class:" + c.Class, c.Class, 1)));
        // Interfaces grouped under their class, so bands do not cross in the middle column.
        nodes.AddRange(byClass.SelectMany(c => perInterface.Where(i => ClassOf(i.Key) == c.Class))
            .Select(i => new SankeyNode(i.Key, NodeLabel(i.Key, known), 2)));
        var links = new List<SankeyLink>();
        links.AddRange(byClass.Select(c => new SankeyLink(asId, "class:" + c.Class, c.Total)));
        links.AddRange(perInterface.Select(i => new SankeyLink("class:" + ClassOf(i.Key), i.Key, i.Total)));
        return (nodes, links);
    }

    /// <summary>"et-0/0/1 (192.0.2.1 if 7)" when the catalogue names the interface, else "192.0.2.1 if 7".</summary>
    private static string NodeLabel(string key, IReadOnlyDictionary<string, AsInterfaceLabel> known)
    {
        var where = DimensionLabels.LabelOf(FlowDimension.InputInterface, key);
        return known.GetValueOrDefault(key)?.Name is { } name ? $"{name} ({where})" : where;
    }
}
