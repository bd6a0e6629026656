using FlowViz.Core.Filtering;

namespace FlowViz.Storage.Filtering;

/// <summary>
/// Whitelists of column expressions per table: the only SQL text a filter can bring into a query.
/// A table that holds fewer dimensions (a rollup) gets its own map; what it lacks cannot be filtered by.
/// </summary>
public static class FilterColumns
{
    /// <summary>
    /// The raw <c>flows</c> table (db-migrations/0001_flows.sql, 0004_enrichment.sql). Connectivity, provider and
    /// boundary are not flow columns (they come from interface_classes at query time), so they are absent here; see
    /// <see cref="FlowsWithInterfaceClasses"/>.
    /// </summary>
    public static IReadOnlyDictionary<FilterField, string> Flows { get; } = new Dictionary<FilterField, string>
    {
        [FilterField.SrcAddr] = "src_addr",
        [FilterField.DstAddr] = "dst_addr",
        [FilterField.Exporter] = "exporter",
        [FilterField.Protocol] = "protocol",
        [FilterField.SrcPort] = "src_port",
        [FilterField.DstPort] = "dst_port",
        [FilterField.SrcAs] = "src_as",
        [FilterField.DstAs] = "dst_as",
        [FilterField.InputInterface] = "input_if",
        [FilterField.OutputInterface] = "output_if",
        [FilterField.Bytes] = "bytes",
        [FilterField.Packets] = "packets",
        [FilterField.Tos] = "tos",
        [FilterField.TcpFlags] = "tcp_flags",
        [FilterField.SrcVlan] = "src_vlan",
        [FilterField.DstVlan] = "dst_vlan",
        [FilterField.SrcCountry] = "src_country",
        [FilterField.DstCountry] = "dst_country",
        [FilterField.Application] = "application",
        // NULL for internal, transit and undecided flows: no comparison matches them, their "not" does.
        [FilterField.OriginAs] = Queries.DimensionSql.OriginAs,
        [FilterField.Direction] = "traffic_direction",
    };

    /// <summary>
    /// <see cref="Flows"/> plus connectivity, provider and boundary, which <see cref="FilterSqlCompiler"/> tests as membership
    /// of the flow's interfaces in sets of interface_classes keys (<see cref="InterfaceClassSets"/>, the
    /// values here): the same meaning as on the cubes that keep interfaces — an unclassified interface has no class, so
    /// <c>connectivity transit</c> misses it and <c>not connectivity transit</c> matches it on both — and no join needed.
    /// </summary>
    public static IReadOnlyDictionary<FilterField, string> FlowsWithInterfaceClasses { get; } =
        new Dictionary<FilterField, string>(Flows.Concat(InterfaceClassSets.Templates));
}
