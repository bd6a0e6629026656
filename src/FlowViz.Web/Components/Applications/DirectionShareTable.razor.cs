using FlowViz.Web.Components.Formatting;
using Microsoft.AspNetCore.Components;

namespace FlowViz.Web.Components.Applications;

/// <summary>
/// The legend of a mirrored chart as a table: per key its traffic out, in and internal/transit over the range, its share
/// of all out and of all in, and a TOTAL line over every row ("Other" included, so TOTAL is the whole filtered traffic).
/// Amounts are bytes for bit/s (as nfdump prints them), packets or flows otherwise; cells carry the exact integer.
/// </summary>
public partial class DirectionShareTable
{
    [Parameter, EditorRequired] public IReadOnlyList<DirectionRow> Rows { get; set; } = [];

    /// <summary>The chart's rate unit: "bit/s" (amounts in bytes), "packets/s" or "flows/s".</summary>
    [Parameter, EditorRequired] public string Unit { get; set; } = TrafficUnits.BitsPerSecond;

    [Parameter] public string KeyHeader { get; set; } = "Key";

    [Parameter] public string Caption { get; set; } = "";

    /// <summary>A link for a row's key, or null (for the function or its answer) for plain text.</summary>
    [Parameter] public Func<string, string?>? KeyHref { get; set; }

    private bool InBytes => Unit == TrafficUnits.BitsPerSecond;

    private string AmountUnit => InBytes ? "bytes" : Unit.Replace("/s", "", StringComparison.Ordinal);

    private double TotalOut => Rows.Sum(r => r.Out);

    private double TotalIn => Rows.Sum(r => r.In);

    private double TotalOther => Rows.Sum(r => r.Other);

    private double Total => Rows.Sum(r => r.Total);

    /// <summary>The amount as shown: bits become bytes.</summary>
    private long Amount(double total) => (long)Math.Round(InBytes ? total / 8 : total);

    private string Text(double total) => InBytes ? TrafficUnits.ByteCount(Amount(total)) : TrafficUnits.Count(Amount(total));

    private string Share(double part, double whole) => TrafficUnits.Share(Amount(part), Amount(whole));
}
