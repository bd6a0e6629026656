namespace FlowViz.Core.Queries;

/// <summary>
/// The top prefixes of an AS, in and out (<see cref="AsPrefixes"/>), ranked by <see cref="Metric"/> in + out; "other" is
/// everything else of each side, so rows + other = the side's total exactly (a null side of a row is in its other).
/// </summary>
public sealed record AsPrefixTable(
    IReadOnlyList<AsPrefixRow> Rows, TrafficTotals OtherIn, TrafficTotals OtherOut, TrafficTotals TotalIn, TrafficTotals TotalOut, TrafficMetric Metric)
{
    /// <summary>The amount of <see cref="Metric"/> in some totals (bits count as bytes); 0 for an unknown side.</summary>
    public long AmountOf(TrafficTotals? totals) => totals is null ? 0 : Metric switch
    {
        TrafficMetric.Packets => totals.Packets,
        TrafficMetric.Flows => totals.Flows,
        _ => totals.Bytes,
    };

    /// <summary>A row's share of the AS's traffic in and out together (0–1); a lower bound when a side is unknown.</summary>
    public double ShareOf(AsPrefixRow row)
    {
        var total = AmountOf(TotalIn) + AmountOf(TotalOut);
        return total == 0 ? 0 : (double)(AmountOf(row.In) + AmountOf(row.Out)) / total;
    }
}
