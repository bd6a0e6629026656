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
}
