namespace FlowViz.Storage.Rollups;

/// <summary>
/// The rollups' statements. The 1-minute rows are added by the flow writer (<see cref="AddMinuteRows"/>); the builder
/// (re)computes coarser buckets from finer ones: always delete then insert, inside its transaction, so computing an
/// interval again replaces its rows instead of adding to them. Table and column names come from <see cref="RollupCubes"/>;
/// everything else is a parameter ($1 from, $2 to, $3 width).
/// </summary>
internal static class RollupSql
{
    /// <summary>date_bin's origin: buckets aligned to the Unix epoch, whatever the session's time zone.</summary>
    public const string Epoch = "TIMESTAMPTZ '1970-01-01 00:00:00+00'";

    public static string Delete(string table) => $"DELETE FROM {table} WHERE bucket >= $1 AND bucket < $2";

    /// <summary>
    /// Adds one batch's minute rows (one array parameter per column: bucket, traffic_direction, the cube's columns,
    /// flows, packets, bytes) to the minute cube: new keys are inserted, existing ones summed, on the unique key of
    /// db-migrations/0011. ORDER BY the key makes every writer lock rows in the same order. The sums saturate at the
    /// bigint maximum rather than fail the batch (only corrupt counters get near it).
    /// </summary>
    public static string AddMinuteRows(RollupCube cube)
    {
        var key = string.Join(", ", ["bucket", "traffic_direction", .. cube.Columns.Select(c => c.Name)]);
        var arrays = string.Join(", ", new[] { "timestamptz", "smallint" }
            .Concat(cube.Columns.Select(c => c.Field.SqlType()))
            .Concat(["bigint", "bigint", "bigint"])
            .Select((type, i) => $"${i + 1}::{type}[]"));
        return $"""
            INSERT INTO {cube.TableName(RollupResolution.Minute)} AS r ({key}, flows, packets, bytes)
            SELECT * FROM unnest({arrays})
            ORDER BY {GroupOrdinals(cube)}
            ON CONFLICT ({key}) DO UPDATE SET
                flows = {Sum("flows")}, packets = {Sum("packets")}, bytes = {Sum("bytes")}
            """;
    }

    /// <summary>Coarser rows as sums of the finer table's rows of the same keys.</summary>
    public static string InsertFromFiner(RollupCube cube, RollupResolution resolution, RollupResolution finer)
    {
        var names = string.Join(", ", cube.Columns.Select(c => c.Name));
        return $"""
            INSERT INTO {cube.TableName(resolution)} (bucket, traffic_direction, {names}, flows, packets, bytes)
            SELECT date_bin($3::interval, bucket, {Epoch}), traffic_direction, {names}, sum(flows), sum(packets), sum(bytes)
            FROM {cube.TableName(finer)} WHERE bucket >= $1 AND bucket < $2
            GROUP BY {GroupOrdinals(cube)}
            """;
    }

    private static readonly string MinuteFlows =
        $"SELECT bucket, sum(flows) AS flows FROM {RollupCubes.Counting.TableName(RollupResolution.Minute)} WHERE bucket >= $1 AND bucket < $2 GROUP BY 1";

    public const string DeleteMinuteCounts = "DELETE FROM rollup_minute_counts WHERE bucket >= $1 AND bucket < $2";

    /// <summary>Records the flow count of each minute of [$1, $2) as the coarser buckets are now computed from it.</summary>
    public static readonly string InsertMinuteCounts = $"INSERT INTO rollup_minute_counts (bucket, flows) {MinuteFlows}";

    /// <summary>The minutes of [$1, $2) whose flow count differs from the count they were rolled up from: late flows.</summary>
    public static readonly string ChangedMinutes = $"""
        SELECT coalesce(f.bucket, r.bucket)
        FROM ({MinuteFlows}) f
        FULL JOIN (SELECT bucket, flows FROM rollup_minute_counts WHERE bucket >= $1 AND bucket < $2) r ON r.bucket = f.bucket
        WHERE f.flows IS DISTINCT FROM r.flows
        ORDER BY 1
        """;

    /// <summary>The first minute holding flows in [$1, $2).</summary>
    public static readonly string FirstMinute =
        $"SELECT min(bucket) FROM {RollupCubes.Counting.TableName(RollupResolution.Minute)} WHERE bucket >= $1 AND bucket < $2";

    private static string Sum(string column) => $"least(r.{column}::numeric + excluded.{column}, 9223372036854775807)::bigint";

    private static string GroupOrdinals(RollupCube cube) =>
        string.Join(", ", Enumerable.Range(1, cube.Columns.Count + 2));
}
