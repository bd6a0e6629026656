using FlowViz.Core.Queries;

namespace FlowViz.Storage.Queries;

/// <summary>
/// The statement of a series answer: the rows of the segment union, the top keys ranked over the whole range, and one
/// sum per (rank, direction class, series bucket), rank 0 being every key below the limit ("other").
/// Keys are ranked by their total DESC, then key (NULLS LAST), numbered 1..limit; only the top keys' texts are returned.
/// Shape, measured (tests/benchmarks/README.md, "Session 7: the 24-hour AS series via transit"): the rows go once into a
/// materialized CTE; the key totals are one hash aggregate over it, the top N a bounded sort of those, and the series one
/// hash join to the N keys and one hash aggregate into rank × bucket. The earlier shape ranked with two window functions,
/// each over a sort of every key × bucket row: with the 5-minute AS cube, where nearly every row is its own key × bucket
/// (41 k rows, 37 k groups), those sorts took longer than reading the rows.
/// Whether the CTE holds the rows as read or grouped by key × bucket first is <see cref="GroupsFirst"/>.
/// </summary>
internal static class SeriesRankingSql
{
    /// <summary>Dimensions whose keys are few (a protocol, a class, a country…): a bucket's rows collapse into a handful.</summary>
    private static readonly HashSet<FlowDimension> FewKeys =
    [
        FlowDimension.Protocol, FlowDimension.Application, FlowDimension.Direction, FlowDimension.Exporter,
        FlowDimension.SrcCountry, FlowDimension.DstCountry, FlowDimension.Connectivity, FlowDimension.Provider,
        FlowDimension.Boundary,
    ];

    /// <summary>
    /// True to group the rows by key × direction class × bucket before ranking, false to rank the rows as read. Grouping
    /// first pays when it shrinks the rows: a dimension of few keys (the 7-day connectivity series: ~170 hourly buckets of
    /// interface rows into 5 classes each; as read they made the rest 2.5× slower), or raw flows, many per key and bucket.
    /// It costs when it does not: a dimension of many keys (AS, address, port, interface) read from rollups, whose rows
    /// are already one per key, interfaces and bucket — there the grouping was a hash aggregate of 41 k rows into 37 k
    /// groups, as long as reading them. Raw flows supply at most the edges of such an answer unless the rollups lag.
    /// </summary>
    public static bool GroupsFirst(FlowDimension by, IReadOnlyList<QuerySegment> segments, TimeRange range)
    {
        if (FewKeys.Contains(by))
        {
            return true;
        }
        var raw = segments.Where(s => s.Source.IsRaw).Sum(s => (s.Interval.To - s.Interval.From).Ticks);
        return raw * 10 > (range.To - range.From).Ticks;
    }

    /// <param name="union">The segment union (<see cref="SegmentUnion"/>): t, k, d and the measures.</param>
    /// <param name="directionClass">The fixed SQL of a row's direction class over <c>d</c>.</param>
    /// <param name="step">Placeholder of the step (interval).</param>
    /// <param name="limit">Placeholder of the number of top keys (bigint).</param>
    /// <param name="metric">What is summed and ranked.</param>
    /// <param name="by">The dimension of <c>k</c>, for its text.</param>
    /// <param name="groupsFirst"><see cref="GroupsFirst"/>.</param>
    public static string Of(string union, string directionClass, string step, string limit, TrafficMetric metric, FlowDimension by, bool groupsFirst)
    {
        var amount = TrafficSql.AmountOf(metric);
        return $"""
            WITH src AS MATERIALIZED (
                SELECT k, {directionClass} AS dc, date_bin({step}, t, {Rollups.RollupSql.Epoch}) AS bucket,
                       {(groupsFirst ? $"sum({amount})" : amount)} AS amount
                FROM ({union}) u{(groupsFirst ? " GROUP BY 1, 2, 3" : "")}),
            top AS (
                SELECT k, row_number() OVER (ORDER BY sum(amount) DESC, k NULLS LAST) AS rn
                FROM src GROUP BY k
                ORDER BY sum(amount) DESC, k NULLS LAST
                LIMIT {limit}),
            grouped AS (
                -- A hash join never matches NULL = NULL; the NULL key (an unclassified interface, no address) is ranked too.
                SELECT coalesce(top.rn, CASE WHEN src.k IS NULL THEN (SELECT rn FROM top WHERE k IS NULL) END, 0) AS rn,
                       dc, bucket, sum(amount) AS amount
                FROM src LEFT JOIN top ON top.k = src.k
                GROUP BY 1, 2, 3)
            SELECT grouped.rn, {DimensionSql.KeyTextOf(by, "top.k")}, dc, extract(epoch FROM bucket)::bigint, amount::float8
            FROM grouped LEFT JOIN top ON top.rn = grouped.rn
            """;
    }
}
