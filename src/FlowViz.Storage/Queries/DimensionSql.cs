using FlowViz.Core.Queries;

namespace FlowViz.Storage.Queries;

/// <summary>
/// The SQL of each dimension, written over column names that the flows table and the rollup cubes share, so one
/// expression groups both. Only these fixed fragments are spliced into SQL text.
/// Interface classes: a flow's class is its input interface's when that interface's boundary is external, else its
/// output interface's (the classes of 0004_enrichment.sql), read through <see cref="InterfaceClassJoins"/>.
/// </summary>
internal static class DimensionSql
{
    /// <summary>The local end of a flow: the destination of inbound traffic (1), the source of outbound (2) and internal (3).</summary>
    public const string LocalHostFromFlows = "CASE traffic_direction WHEN 1 THEN dst_addr WHEN 2 THEN src_addr WHEN 3 THEN src_addr END";

    /// <summary>The remote network: the source AS of inbound traffic, the destination AS of outbound.</summary>
    public const string OriginAs = "CASE traffic_direction WHEN 1 THEN src_as WHEN 2 THEN dst_as END";

    /// <summary>
    /// The two lookups of the interface classes. The aliases are qualified everywhere; the class table's own
    /// columns are prefixed (if_exporter, if_index), so the unqualified flow or cube columns stay unambiguous.
    /// </summary>
    public const string InterfaceClassJoins =
        " LEFT JOIN interface_classes ci ON ci.if_exporter = exporter AND ci.if_index = input_if" +
        " LEFT JOIN interface_classes co ON co.if_exporter = exporter AND co.if_index = output_if";

    public const string Connectivity = "CASE WHEN ci.boundary = 'external' THEN ci.connectivity ELSE co.connectivity END";
    public const string Provider = "CASE WHEN ci.boundary = 'external' THEN ci.provider ELSE co.provider END";
    public const string Boundary = "CASE WHEN ci.boundary = 'external' THEN ci.boundary ELSE co.boundary END";

    /// <summary>
    /// A flow's prefix on one side: the address masked by its mask as cidr ("192.0.2.0/24"); NULL (the "none" key) when
    /// the mask is 0 (exporters send 0 when they know no route), longer than the family allows, or the address is NULL.
    /// </summary>
    public static string PrefixOf(string address, string mask) =>
        $"CASE WHEN {mask} BETWEEN 1 AND (CASE family({address}) WHEN 4 THEN 32 ELSE 128 END) THEN network(set_masklen({address}, {mask})) END";

    /// <summary>The grouping expression of a dimension; <paramref name="rawFlows"/> when reading <c>flows</c> (local host is derived there).</summary>
    public static string Of(FlowDimension dimension, bool rawFlows) => dimension switch
    {
        FlowDimension.Protocol => "protocol",
        FlowDimension.SrcAddr => "src_addr",
        FlowDimension.DstAddr => "dst_addr",
        FlowDimension.SrcPort => "src_port",
        FlowDimension.DstPort => "dst_port",
        FlowDimension.Exporter => "exporter",
        FlowDimension.Application => "application",
        FlowDimension.LocalHost => rawFlows ? LocalHostFromFlows : "local_host",
        FlowDimension.Direction => "traffic_direction",
        FlowDimension.SrcAs => "src_as",
        FlowDimension.DstAs => "dst_as",
        FlowDimension.OriginAs => OriginAs,
        FlowDimension.SrcCountry => "src_country",
        FlowDimension.DstCountry => "dst_country",
        // NULL without an exporter address: an interface index means nothing without its exporter.
        FlowDimension.InputInterface => "host(exporter) || '/' || input_if::text",
        FlowDimension.OutputInterface => "host(exporter) || '/' || output_if::text",
        FlowDimension.Connectivity => Connectivity,
        FlowDimension.Provider => Provider,
        FlowDimension.Boundary => Boundary,
        FlowDimension.SrcPrefix => PrefixOf("src_addr", "src_mask"),
        FlowDimension.DstPrefix => PrefixOf("dst_addr", "dst_mask"),
        _ => throw new ArgumentOutOfRangeException(nameof(dimension), dimension, "Dimension not supported by the query service."),
    };

    /// <summary>Whether grouping by the dimension needs <see cref="InterfaceClassJoins"/>.</summary>
    public static bool NeedsClasses(FlowDimension dimension) =>
        dimension is FlowDimension.Connectivity or FlowDimension.Provider or FlowDimension.Boundary;

    /// <summary>How a grouped key column becomes the text key: host() drops the /32 or /128 of inet.</summary>
    public static string KeyTextOf(FlowDimension dimension, string column) => dimension switch
    {
        FlowDimension.SrcAddr or FlowDimension.DstAddr or FlowDimension.Exporter or FlowDimension.LocalHost => $"host({column})",
        _ => $"{column}::text",
    };
}
