using FlowViz.Core.Filtering;

namespace FlowViz.Storage.Filtering;

/// <summary>
/// Whitelists of column expressions per table: the only SQL text a filter can bring into a query.
/// A table that holds fewer dimensions (a rollup) gets its own map; what it lacks cannot be filtered by.
/// </summary>
public static class FilterColumns
{
    /// <summary>
    /// The raw <c>flows</c> table (db-migrations/0001_flows.sql). Country, application, connectivity, provider
    /// and boundary are not stored yet, so they are absent.
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
    };
}
