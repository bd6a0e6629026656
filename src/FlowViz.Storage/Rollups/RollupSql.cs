namespace FlowViz.Storage.Rollups;

/// <summary>
/// The statements that (re)compute the buckets of one interval: always delete then insert, inside the builder's
/// transaction, so computing an interval again replaces its rows instead of adding to them. Table and column names
/// come from <see cref="RollupCubes"/>; the interval and widths are parameters ($1 from, $2 to, $3 width).
/// </summary>
internal static class RollupSql
{
    /// <summary>date_bin's origin: buckets aligned to the Unix epoch, whatever the session's time zone.</summary>
    public const string Epoch = "TIMESTAMPTZ '1970-01-01 00:00:00+00'";

    public const string MinuteOfFlow = $"date_bin('1 minute', time_received, {Epoch})";

    public const string InInterval = "time_received >= $1 AND time_received < $2";

    public static string Delete(string table) => $"DELETE FROM {table} WHERE bucket >= $1 AND bucket < $2";

    /// <summary>1-minute rows from the raw flows; bytes and packets scaled by the sampling rate as the queries count them.</summary>
    public static string InsertFromFlows(RollupCube cube)
    {
        var names = string.Join(", ", cube.Columns.Select(c => c.Name));
        var expressions = string.Join(", ", cube.Columns.Select(c => c.FromFlows));
        return $"""
            INSERT INTO {cube.TableName(RollupResolution.Minute)} (bucket, traffic_direction, {names}, flows, packets, bytes)
            SELECT {MinuteOfFlow}, traffic_direction, {expressions}, count(*),
                   sum(packets * greatest(sampling_rate, 1)), sum(bytes * greatest(sampling_rate, 1))
            FROM flows WHERE {InInterval}
            GROUP BY {GroupOrdinals(cube)}
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

    public const string DeleteMinuteCounts = "DELETE FROM rollup_minute_counts WHERE bucket >= $1 AND bucket < $2";

    public const string InsertMinuteCounts =
        $"INSERT INTO rollup_minute_counts (bucket, flows) SELECT {MinuteOfFlow}, count(*) FROM flows WHERE {InInterval} GROUP BY 1";

    /// <summary>The minutes of [$1, $2) whose flow count differs from the count they were rolled up from: late flows.</summary>
    public const string ChangedMinutes = $"""
        SELECT coalesce(f.bucket, r.bucket)
        FROM (SELECT {MinuteOfFlow} AS bucket, count(*) AS flows FROM flows WHERE {InInterval} GROUP BY 1) f
        FULL JOIN (SELECT bucket, flows FROM rollup_minute_counts WHERE bucket >= $1 AND bucket < $2) r ON r.bucket = f.bucket
        WHERE f.flows IS DISTINCT FROM r.flows
        ORDER BY 1
        """;

    private static string GroupOrdinals(RollupCube cube) =>
        string.Join(", ", Enumerable.Range(1, cube.Columns.Count + 2));
}
