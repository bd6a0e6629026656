using FlowViz.Storage.Rollups;

namespace FlowViz.Benchmarks.Rollups;

/// <summary>
/// What <see cref="RollupDataGenerator"/> generates, as SQL: rows per minute, the key pools and the column expressions.
/// Constants only (no user input); time bounds and widths are parameters ($1, $2, $3).
/// </summary>
internal static class RollupDataShape
{
    public static readonly IReadOnlyDictionary<string, int> RowsPerMinute = new Dictionary<string, int>
    {
        ["proto"] = 40, ["app"] = 30, ["country"] = 40, ["host"] = 100, ["iface"] = 100, ["as"] = 200,
    };

    /// <summary>Distinct keys that the interface and AS cubes draw their rows from.</summary>
    public static readonly IReadOnlyDictionary<string, int> PoolSize = new Dictionary<string, int>
    {
        ["iface"] = 3_000, ["as"] = 20_000,
    };

    /// <summary>50 exporters × 40 interfaces; interfaces i with i % 5 = 4 are internal (core), the others external.</summary>
    public const string InterfaceClassesSql = """
        INSERT INTO interface_classes (if_exporter, if_index, connectivity, provider, boundary)
        SELECT ('10.0.0.' || e)::inet, i,
               (ARRAY['transit','ix','pni','customer','core'])[1 + i % 5],
               'provider' || (i % 12),
               CASE WHEN i % 5 = 4 THEN 'internal' ELSE 'external' END
        FROM generate_series(1, 50) e, generate_series(1, 40) i
        """;

    // Column expressions over g (row number within the minute) and skewed randoms.
    private static readonly Dictionary<string, string> Columns = new()
    {
        ["proto"] = "(ARRAY[6,17,1,58,47,50])[1 + (power(random(), 2) * 6)::int % 6], ('10.0.0.' || (1 + g % 50))::inet",
        ["app"] = "(ARRAY['https','http','quic','dns','ssh','smtp','imaps','ntp','rdp','ipsec','openvpn','wireguard','bgp','snmp','icmp'])[1 + (power(random(), 2) * 15)::int % 15]",
        ["country"] = "(ARRAY['US','DE','JP','FR','GB','NL','BR','CN','IN','SE'])[1 + g % 10], (ARRAY['US','DE','JP','FR','GB','NL','BR','CN','IN','SE'])[1 + (power(random(), 3) * 10)::int % 10]",
        ["host"] = "('192.0.2.0'::inet + (power(random(), 3) * 4000)::int)",
    };

    // The pools: i is the key's rank (0 = the heaviest); d its direction (1 in, 2 out); e, x (external interface),
    // c (core interface) and a (remote AS) are drawn once. The pool's columns, in the cube's column order.
    private static readonly Dictionary<string, string> PoolColumns = new()
    {
        ["iface"] = "e, CASE d WHEN 1 THEN x ELSE c END, CASE d WHEN 1 THEN c ELSE x END",
        ["as"] = "CASE d WHEN 1 THEN a ELSE 0 END, CASE d WHEN 1 THEN 0 ELSE a END, e, CASE d WHEN 1 THEN x ELSE c END, CASE d WHEN 1 THEN c ELSE x END",
    };

    public static string PoolKeysSql(int size) => RollupDataGenerator.Invariant($"""
        SELECT i, 1 + i % 2 AS d, ('10.0.0.' || (1 + (power(random(), 2) * 50)::int % 50))::inet AS e,
               (ARRAY[1,2,3,5,6,7,8,10])[1 + (power(random(), 2) * 8)::int % 8] + 10 * (random() * 3)::int AS x,
               5 * (1 + (random() * 7)::int) - 1 AS c, 64512 + (power(random(), 3) * 5000)::int AS a
        FROM generate_series(0, {size} - 1) i
        """);

    /// <summary>The minute rows of [$1, $2), in bucket order; pooled cubes read the temp table pool_{cube}.</summary>
    public static string MinuteRowsSql(RollupCube cube, int rowsPerMinute)
    {
        var names = string.Join(", ", cube.Columns.Select(c => c.Name));
        const string measures = "1 + (random() * 50)::int, 10 + (random() * 5000)::int, 10000 + (random() * 5000000)::bigint";
        const string measuresAs = "1 + (random() * 50)::int AS flows, 10 + (random() * 5000)::int AS packets, 10000 + (random() * 5000000)::bigint AS bytes";
        var minutes = RollupDataGenerator.Invariant(
            $"generate_series($1::timestamptz, $2::timestamptz - interval '1 minute', interval '1 minute') m, generate_series(1, {rowsPerMinute}) g");
        var table = cube.TableName(RollupResolution.Minute);
        if (!PoolColumns.TryGetValue(cube.Name, out var poolColumns))
        {
            // Grouped like the pooled cubes: the minute cubes have a unique key since db-migrations/0011 (the writer adds
            // each batch to its key's row), so two draws of one key in a minute are one row.
            var groups = string.Join(", ", Enumerable.Range(1, cube.Columns.Count + 2));
            return $"""
                INSERT INTO {table} (bucket, traffic_direction, {names}, flows, packets, bytes)
                SELECT bucket, traffic_direction, {names}, sum(flows), sum(packets), sum(bytes)
                FROM (SELECT m, 1 + g % 2, {Columns[cube.Name]}, {measures} FROM {minutes})
                    AS draws (bucket, traffic_direction, {names}, flows, packets, bytes)
                GROUP BY {groups}
                ORDER BY 1
                """;
        }
        // A key drawn twice in one minute is one row, as the builder's GROUP BY makes it.
        var size = PoolSize[cube.Name];
        return RollupDataGenerator.Invariant($"""
            INSERT INTO {table} (bucket, traffic_direction, {names}, flows, packets, bytes)
            SELECT m, d, {poolColumns}, sum(flows), sum(packets), sum(bytes)
            FROM (SELECT m, (power(random(), 3) * {size})::int % {size} AS i, {measuresAs} FROM {minutes}) draws
            JOIN pool_{cube.Name} USING (i)
            GROUP BY m, d, {poolColumns}
            ORDER BY m
            """);
    }

    /// <summary>The buckets of <paramref name="resolution"/> in [$1, $2) summed from <paramref name="finer"/> ($3 = width).</summary>
    public static string CoarserRowsSql(RollupCube cube, RollupResolution resolution, RollupResolution finer)
    {
        var names = string.Join(", ", cube.Columns.Select(c => c.Name));
        var groups = string.Join(", ", Enumerable.Range(1, cube.Columns.Count + 2));
        return $"""
            INSERT INTO {cube.TableName(resolution)} (bucket, traffic_direction, {names}, flows, packets, bytes)
            SELECT date_bin($3::interval, bucket, TIMESTAMPTZ '1970-01-01 00:00:00+00'), traffic_direction, {names}, sum(flows), sum(packets), sum(bytes)
            FROM {cube.TableName(finer)} WHERE bucket >= $1 AND bucket < $2
            GROUP BY {groups}
            ORDER BY 1
            """;
    }
}
