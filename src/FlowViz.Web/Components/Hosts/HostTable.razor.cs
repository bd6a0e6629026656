using FlowViz.Core.Queries;
using Microsoft.AspNetCore.Components;

namespace FlowViz.Web.Components.Hosts;

/// <summary>
/// The top talkers: per local host its traffic out / in / internal (in the ranked metric), flows, packets, bytes and share
/// of the range's total of the ranked metric (rows + "Other hosts"), sortable by clicking a column head.
/// </summary>
public partial class HostTable
{
    private HostColumn? _sort;
    private bool _descending = true;

    [Parameter, EditorRequired] public IReadOnlyList<HostRow> Rows { get; set; } = [];

    /// <summary>Everything outside the top rows.</summary>
    [Parameter] public TrafficTotals Other { get; set; } = TrafficTotals.Zero;

    /// <summary>What the rows were ranked by; shares and the direction columns are of this.</summary>
    [Parameter] public TrafficMetric RankMetric { get; set; } = TrafficMetric.Bytes;

    [Parameter] public string Caption { get; set; } = "";

    /// <summary>The host page of an address.</summary>
    [Parameter] public Func<string, string>? HostHref { get; set; }

    private bool InBytes => RankMetric is not (TrafficMetric.Packets or TrafficMetric.Flows);

    private string RankUnit => RankMetric switch { TrafficMetric.Packets => "packets", TrafficMetric.Flows => "flows", _ => "bytes" };

    private bool HasOther => Other.Flows != 0 || Other.Packets != 0 || Other.Bytes != 0;

    private long Total => Rows.Sum(r => Ranked(r.Flows, r.Packets, r.Bytes)) + Ranked(Other.Flows, Other.Packets, Other.Bytes);

    private IEnumerable<(HostColumn, string, string)> Headers =>
    [
        (HostColumn.Host, "Host", "The local end of the traffic"),
        (HostColumn.Out, "Out", $"{RankUnit} sent to remote networks"),
        (HostColumn.In, "In", $"{RankUnit} received from remote networks"),
        (HostColumn.Internal, "Internal", $"{RankUnit} exchanged with other local hosts (or in transit)"),
        (HostColumn.Flows, "Flows", "Flows"),
        (HostColumn.Packets, "Packets", "Packets"),
        (HostColumn.Bytes, "Bytes", "Bytes"),
    ];

    /// <summary>The rank order of the query until a column head is clicked.</summary>
    private IEnumerable<HostRow> SortedRows => _sort switch
    {
        null => Rows,
        HostColumn.Host => _descending
            ? Rows.OrderByDescending(r => r.Label, StringComparer.OrdinalIgnoreCase)
            : Rows.OrderBy(r => r.Label, StringComparer.OrdinalIgnoreCase),
        { } column => _descending ? Rows.OrderByDescending(r => Value(r, column)) : Rows.OrderBy(r => Value(r, column)),
    };

    private static long Value(HostRow row, HostColumn column) => column switch
    {
        HostColumn.Out => row.Out ?? -1,
        HostColumn.In => row.In ?? -1,
        HostColumn.Internal => row.Internal ?? -1,
        HostColumn.Flows => row.Flows,
        HostColumn.Packets => row.Packets,
        _ => row.Bytes,
    };

    /// <summary>The column the rows are in order of: the ranked metric's, descending, until a head is clicked.</summary>
    private HostColumn SortColumn => _sort ?? RankMetric switch
    {
        TrafficMetric.Flows => HostColumn.Flows,
        TrafficMetric.Packets => HostColumn.Packets,
        _ => HostColumn.Bytes,
    };

    private void SortBy(HostColumn column)
    {
        _descending = column == SortColumn ? !_descending : column != HostColumn.Host;
        _sort = column;
    }

    private string AriaSort(HostColumn column) =>
        column != SortColumn ? "none" : _descending ? "descending" : "ascending";

    private long Ranked(long flows, long packets, long bytes) => RankMetric switch
    {
        TrafficMetric.Flows => flows,
        TrafficMetric.Packets => packets,
        _ => bytes,
    };
}
