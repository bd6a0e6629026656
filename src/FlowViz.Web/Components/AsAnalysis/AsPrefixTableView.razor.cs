using FlowViz.Core.Queries;
using FlowViz.Web.Components.Formatting;
using Microsoft.AspNetCore.Components;

namespace FlowViz.Web.Components.AsAnalysis;

/// <summary>
/// Renders an <see cref="AsPrefixTable"/>: one row per prefix with its amount in and out in the table's metric (bytes
/// for bytes and bits, as the other top tables), its share of the AS's traffic in and out, and an "Other" row. A side
/// the query service could not list exactly shows "–" (it is counted in Other). The key "none" is traffic whose flows
/// carried no prefix length (mask 0).
/// </summary>
public sealed partial class AsPrefixTableView
{
    /// <summary>The key of flows without a prefix length (the query service's key for a NULL prefix).</summary>
    public const string NoPrefixKey = "none";

    [Parameter, EditorRequired] public AsPrefixTable Table { get; set; } = default!;
    [Parameter, EditorRequired] public uint Asn { get; set; }
    [Parameter] public string Caption { get; set; } = "Prefixes";

    private string Unit => Table.Metric switch { TrafficMetric.Packets => "packets", TrafficMetric.Flows => "flows", _ => "bytes" };

    private bool HasOther => Table.AmountOf(Table.OtherIn) + Table.AmountOf(Table.OtherOut) > 0;

    private string AmountText(TrafficTotals? totals) => totals is null
        ? "–"
        : Table.Metric switch
        {
            TrafficMetric.Packets or TrafficMetric.Flows => TrafficUnits.Count(Table.AmountOf(totals)),
            _ => TrafficUnits.ByteCount(Table.AmountOf(totals)),
        };

    private string ExactOf(TrafficTotals? totals) => totals is null
        ? "not among this side's largest prefixes; counted in Other"
        : $"{TrafficUnits.Exact(Table.AmountOf(totals))} {Unit}";

    private string ShareText(AsPrefixRow row) =>
        TrafficUnits.Share(Table.AmountOf(row.In) + Table.AmountOf(row.Out), Total) + (row.In is null || row.Out is null ? " or more" : "");

    private string OtherShareText => TrafficUnits.Share(Table.AmountOf(Table.OtherIn) + Table.AmountOf(Table.OtherOut), Total);

    private long Total => Table.AmountOf(Table.TotalIn) + Table.AmountOf(Table.TotalOut);

    private static string PrefixText(AsPrefixRow row) => row.Key == NoPrefixKey ? "no prefix length" : row.Label;

    private static string PrefixTitle(AsPrefixRow row) => row.Key == NoPrefixKey
        ? "Flows whose exporter sent no source/destination mask (0): their prefix is unknown"
        : row.Key;
}
