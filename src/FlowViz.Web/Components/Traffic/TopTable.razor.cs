using FlowViz.Core.Queries;
using FlowViz.Web.Components.Charts;
using Microsoft.AspNetCore.Components;

namespace FlowViz.Web.Components.Traffic;

/// <summary>
/// Ranked rows of a top-N answer plus the "Other" row; shares are of rows + other, i.e. the range's total
/// of <see cref="ShareOf"/>. Cells show human units with the exact integer in title and data-value.
/// </summary>
public partial class TopTable
{
    [Parameter, EditorRequired] public TopResult Top { get; set; } = new([], TrafficTotals.Zero);

    [Parameter] public TrafficMetric ShareOf { get; set; } = TrafficMetric.Bytes;

    [Parameter] public string KeyHeader { get; set; } = "Key";

    [Parameter] public string? Caption { get; set; }

    /// <summary>Colour swatches matching the chart's series colours; off for tables without a chart.</summary>
    [Parameter] public bool ShowSwatches { get; set; } = true;

    private bool HasOther => Top.Other.Flows != 0 || Top.Other.Packets != 0 || Top.Other.Bytes != 0;

    private string ShareName => ShareOf switch
    {
        TrafficMetric.Flows => "flows",
        TrafficMetric.Packets => "packets",
        _ => "bytes",
    };

    private long Total => Top.Rows.Sum(Pick) + Pick(Top.Other);

    private string? SwatchFor(string key) => ShowSwatches ? SeriesColors.For(key) : "transparent";

    private long Pick(TopRow row) => Pick(new TrafficTotals(row.Flows, row.Packets, row.Bytes));

    private long Pick(TrafficTotals totals) => ShareOf switch
    {
        TrafficMetric.Flows => totals.Flows,
        TrafficMetric.Packets => totals.Packets,
        _ => totals.Bytes,
    };
}
