using FlowViz.Core.Queries;

namespace FlowViz.Storage.Queries;

/// <summary>
/// The statement of a series answer: the rows of the segment union, the top keys ranked over the whole range, and one
/// sum per (rank, direction class, series bucket), rank 0 being every key below the limit ("other").
/// Keys are ranked by their total DESC, then key (NULLS LAST), numbered 1..limit; only the top keys' texts are returned.
/// Shape, measured (tests/benchmarks/README.md, "Session 7: the 24-hour AS series"): the rows are read once into a
/// materialized CTE; the key totals are one hash aggregate over it (a few thousand keys), the top N a bounded sort of
/// those, and the series one hash join to the N keys and one hash aggregate into rank × bucket. The earlier shape grouped
/// by key × bucket first and ranked with two window functions, each over a sort of every grouped row: with the 5-minute
/// AS cube, where nearly every row is its own key × bucket (41 k rows, 37 k groups), that sorting took longer than
/// reading the rows.
/// </summary>
internal static class SeriesRankingSql
{
    /// <param name="union">The segment union (<see cref="SegmentUnion"/>): t, k, d and the measures.</param>
    /// <param name="directionClass">The fixed SQL of a row's direction class over <c>d</c>.</param>
    /// <param name="step">Placeholder of the step (interval).</param>
    /// <param name="limit">Placeholder of the number of top keys (bigint).</param>
    /// <param name="metric">What is summed and ranked.</param>
    /// <param name="by">The dimension of <c>k</c>, for its text.</param>
    public static string Of(string union, string directionClass, string step, string limit, TrafficMetric metric, FlowDimension by) => $"""
        WITH src AS MATERIALIZED (
            SELECT k, {directionClass} AS dc, date_bin({step}, t, {Rollups.RollupSql.Epoch}) AS bucket, {TrafficSql.AmountOf(metric)} AS amount
            FROM ({union}) u),
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
