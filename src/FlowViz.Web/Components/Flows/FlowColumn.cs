namespace FlowViz.Web.Components.Flows;

/// <summary>
/// A column of the flow explorer's table, in the order an nfdump user reads a line. <see cref="SortKey"/> is
/// the <see cref="FlowViz.Core.Queries.FlowSortColumns"/> name the column sorts by, or null when the query
/// service cannot sort by it (addresses, application, country: their order would not make a total cursor).
/// </summary>
public sealed record FlowColumn(string Name, string Header, string? SortKey, bool Numeric = false)
{
    public static IReadOnlyList<FlowColumn> All { get; } =
    [
        new("time", "Time received", "time_received"),
        new("proto", "Proto", "protocol"),
        new("src", "Src addr:port", "src_port"),
        new("dst", "Dst addr:port", "dst_port"),
        new("src-as", "Src AS", "src_as", Numeric: true),
        new("dst-as", "Dst AS", "dst_as", Numeric: true),
        new("in-if", "In if", "input_if", Numeric: true),
        new("out-if", "Out if", "output_if", Numeric: true),
        new("packets", "Packets", "packets", Numeric: true),
        new("bytes", "Bytes", "bytes", Numeric: true),
        new("app", "App", null),
        new("direction", "Direction", null),
        new("country", "Src/dst country", null),
    ];
}
