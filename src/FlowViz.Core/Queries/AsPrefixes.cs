using FlowViz.Core.Filtering;

namespace FlowViz.Core.Queries;

/// <summary>
/// The "origin prefix" view of one AS: the prefixes its traffic comes from (source AS = asn, by source prefix) and goes
/// to (destination AS = asn, by destination prefix), merged per prefix. Two top-N answers of <see cref="ITrafficQueries"/>
/// (so a tenant-scoped service scopes both), each asking for up to <see cref="FetchLimit"/> prefixes so that the shown
/// rows' other side is known: exactly zero when that side listed all its prefixes, null when it did not list this one.
/// Prefixes come from raw flows only (the addresses' masks), so the answer is complete only within raw retention.
/// </summary>
public static class AsPrefixes
{
    /// <summary>Prefixes asked for per side (the query service's largest top-N).</summary>
    public const int FetchLimit = 1_000;

    /// <summary>Traffic from the AS by source prefix, with the caller's filter ANDed.</summary>
    public static TopQuery Inbound(uint asn, TimeRange range, TrafficMetric metric, FilterExpression? filter) =>
        new(range, FlowDimension.SrcPrefix, RankMetric(metric), FetchLimit, And(new NumberFilter(NumberSubject.As, FilterSide.Src, FilterComparison.Equal, asn), filter));

    /// <summary>Traffic to the AS by destination prefix, with the caller's filter ANDed.</summary>
    public static TopQuery Outbound(uint asn, TimeRange range, TrafficMetric metric, FilterExpression? filter) =>
        new(range, FlowDimension.DstPrefix, RankMetric(metric), FetchLimit, And(new NumberFilter(NumberSubject.As, FilterSide.Dst, FilterComparison.Equal, asn), filter));

    public static async Task<AsPrefixTable> QueryAsync(
        ITrafficQueries traffic, uint asn, TimeRange range, TrafficMetric metric, int limit, FilterExpression? filter, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(limit);
        var inbound = await traffic.TopAsync(Inbound(asn, range, metric, filter), cancellationToken);
        var outbound = await traffic.TopAsync(Outbound(asn, range, metric, filter), cancellationToken);
        return Merge(inbound, outbound, RankMetric(metric), limit);
    }

    /// <summary>Merges the two sides per prefix key and keeps the <paramref name="limit"/> largest by in + out.</summary>
    public static AsPrefixTable Merge(TopResult inbound, TopResult outbound, TrafficMetric metric, int limit)
    {
        var totalIn = Sum(inbound);
        var totalOut = Sum(outbound);
        var inByKey = inbound.Rows.ToDictionary(row => row.Key, StringComparer.Ordinal);
        var outByKey = outbound.Rows.ToDictionary(row => row.Key, StringComparer.Ordinal);
        var table = new AsPrefixTable([], TrafficTotals.Zero, TrafficTotals.Zero, totalIn, totalOut, metric);
        // A side that listed all its prefixes (nothing in other) says exactly zero for a prefix it does not list.
        TrafficTotals? Side(Dictionary<string, TopRow> rows, TopResult side, string key) =>
            rows.TryGetValue(key, out var row) ? Totals(row) : IsZero(side.Other) ? TrafficTotals.Zero : null;
        var rows = inbound.Rows.Concat(outbound.Rows)
            .DistinctBy(row => row.Key, StringComparer.Ordinal)
            .Select(row => new AsPrefixRow(row.Key, row.Label, Side(inByKey, inbound, row.Key), Side(outByKey, outbound, row.Key)))
            .OrderByDescending(row => table.AmountOf(row.In) + table.AmountOf(row.Out))
            .ThenBy(row => row.Key, StringComparer.Ordinal)
            .Take(limit)
            .ToList();
        return table with
        {
            Rows = rows,
            OtherIn = Minus(totalIn, rows.Select(row => row.In)),
            OtherOut = Minus(totalOut, rows.Select(row => row.Out)),
        };
    }

    private static TrafficMetric RankMetric(TrafficMetric metric) => metric == TrafficMetric.Bits ? TrafficMetric.Bytes : metric;

    private static FilterExpression And(FilterExpression scope, FilterExpression? filter) => filter is null ? scope : new AndFilter(scope, filter);

    private static TrafficTotals Totals(TopRow row) => new(row.Flows, row.Packets, row.Bytes);

    private static bool IsZero(TrafficTotals totals) => totals.Flows == 0 && totals.Packets == 0 && totals.Bytes == 0;

    private static TrafficTotals Sum(TopResult top) => new(
        top.Rows.Sum(row => row.Flows) + top.Other.Flows, top.Rows.Sum(row => row.Packets) + top.Other.Packets, top.Rows.Sum(row => row.Bytes) + top.Other.Bytes);

    private static TrafficTotals Minus(TrafficTotals total, IEnumerable<TrafficTotals?> shown)
    {
        var known = shown.OfType<TrafficTotals>().ToList();
        return new(total.Flows - known.Sum(t => t.Flows), total.Packets - known.Sum(t => t.Packets), total.Bytes - known.Sum(t => t.Bytes));
    }
}
