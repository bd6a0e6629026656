namespace FlowViz.Core.Queries;

/// <summary>The API names of <see cref="FlowDimension"/> values (<c>by=src_addr</c>).</summary>
public static class FlowDimensionNames
{
    private static readonly Dictionary<string, FlowDimension> ByName = new(StringComparer.OrdinalIgnoreCase)
    {
        ["protocol"] = FlowDimension.Protocol,
        ["src_addr"] = FlowDimension.SrcAddr,
        ["dst_addr"] = FlowDimension.DstAddr,
        ["src_port"] = FlowDimension.SrcPort,
        ["dst_port"] = FlowDimension.DstPort,
        ["exporter"] = FlowDimension.Exporter,
    };

    public static IEnumerable<string> Names => ByName.Keys;

    public static bool TryParse(string? text, out FlowDimension dimension) =>
        ByName.TryGetValue(text ?? "", out dimension);

    public static string NameOf(FlowDimension dimension) => ByName.First(pair => pair.Value == dimension).Key;
}
