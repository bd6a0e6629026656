namespace FlowViz.Core.Filtering;

/// <summary>
/// A stored dimension a filter can test. Storage maps each to the SQL expression of the table it queries;
/// a table without a field cannot answer filters that use it.
/// </summary>
public enum FilterField
{
    SrcAddr,
    DstAddr,
    Exporter,
    Protocol,
    SrcPort,
    DstPort,
    SrcAs,
    DstAs,
    InputInterface,
    OutputInterface,
    Bytes,
    Packets,
    Tos,
    TcpFlags,
    SrcVlan,
    DstVlan,
    SrcCountry,
    DstCountry,
    Application,
    Connectivity,
    Provider,
    Boundary,

    /// <summary>The remote AS: the source AS of inbound traffic, the destination AS of outbound; none otherwise.</summary>
    OriginAs,

    /// <summary>The flow's <see cref="Flows.TrafficDirection"/> (column <c>traffic_direction</c>).</summary>
    Direction,
}
