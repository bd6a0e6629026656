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
        ["application"] = FlowDimension.Application,
        ["local_host"] = FlowDimension.LocalHost,
        ["direction"] = FlowDimension.Direction,
        ["src_as"] = FlowDimension.SrcAs,
        ["dst_as"] = FlowDimension.DstAs,
        ["origin_as"] = FlowDimension.OriginAs,
        ["src_country"] = FlowDimension.SrcCountry,
        ["dst_country"] = FlowDimension.DstCountry,
        ["input_if"] = FlowDimension.InputInterface,
        ["output_if"] = FlowDimension.OutputInterface,
        ["connectivity"] = FlowDimension.Connectivity,
        ["provider"] = FlowDimension.Provider,
        ["boundary"] = FlowDimension.Boundary,
        ["src_prefix"] = FlowDimension.SrcPrefix,
        ["dst_prefix"] = FlowDimension.DstPrefix,
    };

    public static IEnumerable<string> Names => ByName.Keys;

    public static bool TryParse(string? text, out FlowDimension dimension) =>
        ByName.TryGetValue(text ?? "", out dimension);

    public static string NameOf(FlowDimension dimension) => ByName.First(pair => pair.Value == dimension).Key;
}
