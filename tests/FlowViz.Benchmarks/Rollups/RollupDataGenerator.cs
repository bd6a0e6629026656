using System.Diagnostics;
using FlowViz.Storage.Rollups;
using Npgsql;

namespace FlowViz.Benchmarks.Rollups;

/// <summary>
/// Fills the 1-minute cubes with <see cref="Days"/> days of synthetic rows for 50 exporters × 40 interfaces (2,000)
/// and 5,000 ASes, server-side with generate_series, then derives the coarser cubes (5 minutes, 1 hour, 1 day) with the builder's
/// own SQL and marks every resolution covered. Rows per minute (not every combination — a busy edge network's distinct
/// keys per minute): <see cref="RowsPerMinute"/>.
/// <para>
/// Real traffic has a heavy-tailed and stable key set: the same big ASes arrive every minute over the same few
/// uplinks, and one end of every inbound or outbound flow is the local network (local AS 0, as exporters report
/// their own AS). So the interface and AS cubes draw each minute's rows from a fixed pool of keys
/// (<see cref="PoolSize"/>), skewed (pool index = random()³ · size): inbound rows enter by an external interface and
/// leave by an internal (core) one, outbound rows the reverse. An earlier version drew src AS, dst AS and interfaces
/// independently each minute, which made the hourly AS table almost as large as the minute one — far larger than
/// real traffic makes it. Rows are stored in bucket order, as the builder writes them bucket by bucket (a table
/// filled in hash order would scatter each hour over the whole table and make every range scan read random pages).
/// Small key sets (protocols, applications, countries, 4,000 local hosts) are drawn directly.
/// </para>
/// </summary>
internal static class RollupDataGenerator
{
    public const int Days = 30;

    public static readonly IReadOnlyDictionary<string, int> RowsPerMinute = new Dictionary<string, int>
    {
        ["proto"] = 40, ["app"] = 30, ["country"] = 40, ["host"] = 100, ["iface"] = 100, ["as"] = 200,
    };

    /// <summary>Distinct keys that the interface and AS cubes draw their rows from.</summary>
    public static readonly IReadOnlyDictionary<string, int> PoolSize = new Dictionary<string, int>
    {
        ["iface"] = 3_000, ["as"] = 20_000,
    };

    // Column expressions over g (row number within the minute) and skewed randoms; constants only, no user input.
    // Interfaces i with i % 5 = 4 are internal (core) in the generated classes, the others external.
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

    private const string PoolKeys = """
        SELECT i, 1 + i % 2 AS d, ('10.0.0.' || (1 + (power(random(), 2) * 50)::int % 50))::inet AS e,
               (ARRAY[1,2,3,5,6,7,8,10])[1 + (power(random(), 2) * 8)::int % 8] + 10 * (random() * 3)::int AS x,
               5 * (1 + (random() * 7)::int) - 1 AS c, 64512 + (power(random(), 3) * 5000)::int AS a
        FROM generate_series(0, {0} - 1) i
        """;

    public static async Task<DateTimeOffset> GenerateAsync(NpgsqlDataSource dataSource, DateTimeOffset end)
    {
        var start = end.AddDays(-Days);
        await ExecuteAsync(dataSource, """
            INSERT INTO interface_classes (if_exporter, if_index, connectivity, provider, boundary)
            SELECT ('10.0.0.' || e)::inet, i,
                   (ARRAY['transit','ix','pni','customer','core'])[1 + i % 5],
                   'provider' || (i % 12),
                   CASE WHEN i % 5 = 4 THEN 'internal' ELSE 'external' END
            FROM generate_series(1, 50) e, generate_series(1, 40) i
            """, start, end, timeout: 600, values: false);
        foreach (var cube in RollupCubes.All)
        {
            var watch = Stopwatch.StartNew();
            var names = string.Join(", ", cube.Columns.Select(c => c.Name));
            await ExecuteAsync(dataSource, MinuteRowsSql(cube), start, end, timeout: 3600);
            foreach (var (resolution, finer) in RollupResolution.All.Skip(1).Zip(RollupResolution.All))
            {
                await using var command = dataSource.CreateCommand($"""
                    INSERT INTO {cube.TableName(resolution)} (bucket, traffic_direction, {names}, flows, packets, bytes)
                    SELECT date_bin($3::interval, bucket, TIMESTAMPTZ '1970-01-01 00:00:00+00'), traffic_direction, {names}, sum(flows), sum(packets), sum(bytes)
                    FROM {cube.TableName(finer)} WHERE bucket >= $1 AND bucket < $2
                    GROUP BY {string.Join(", ", Enumerable.Range(1, cube.Columns.Count + 2))}
                    ORDER BY 1
                    """);
                command.CommandTimeout = 3600;
                // Whole buckets only, as the builder makes them (30 days ending at 10:00 hold 29 whole days).
                command.Parameters.Add(new() { Value = resolution.Ceiling(start).UtcDateTime });
                command.Parameters.Add(new() { Value = resolution.Floor(end).UtcDateTime });
                command.Parameters.Add(new() { Value = resolution.Width });
                await command.ExecuteNonQueryAsync();
            }
            var counts = new List<string>();
            foreach (var resolution in RollupResolution.All)
            {
                await using var count = dataSource.CreateCommand($"SELECT count(*) FROM {cube.TableName(resolution)}");
                count.CommandTimeout = 600;
                counts.Add($"{resolution.Name} {(long)(await count.ExecuteScalarAsync())!:N0}");
            }
            Console.WriteLine($"  {cube.Name,-8} rows: {string.Join(", ", counts)} ({watch.Elapsed.TotalSeconds:F0} s)");
        }
        foreach (var resolution in RollupResolution.All)
        {
            await ExecuteAsync(dataSource, "INSERT INTO rollup_state VALUES ($3, $1, $2)", resolution.Ceiling(start), resolution.Floor(end), 60, resolution.Name);
        }
        await ExecuteAsync(dataSource, "ANALYZE", start, end, timeout: 3600, values: false);
        return start;
    }

    private static string MinuteRowsSql(RollupCube cube)
    {
        var names = string.Join(", ", cube.Columns.Select(c => c.Name));
        var measures = "1 + (random() * 50)::int, 10 + (random() * 5000)::int, 10000 + (random() * 5000000)::bigint";
        var measuresAs = "1 + (random() * 50)::int AS flows, 10 + (random() * 5000)::int AS packets, 10000 + (random() * 5000000)::bigint AS bytes";
        var minutes = $"generate_series($1::timestamptz, $2::timestamptz - interval '1 minute', interval '1 minute') m, generate_series(1, {RowsPerMinute[cube.Name]}) g";
        if (!PoolColumns.TryGetValue(cube.Name, out var poolColumns))
        {
            return $"""
                INSERT INTO {cube.TableName(RollupResolution.Minute)} (bucket, traffic_direction, {names}, flows, packets, bytes)
                SELECT m, 1 + g % 2, {Columns[cube.Name]}, {measures} FROM {minutes}
                """;
        }
        // A key drawn twice in one minute is one row, as the builder's GROUP BY makes it.
        var size = PoolSize[cube.Name];
        return $"""
            WITH pool AS MATERIALIZED ({string.Format(System.Globalization.CultureInfo.InvariantCulture, PoolKeys, size)}),
            draws AS MATERIALIZED (SELECT m, (power(random(), 3) * {size})::int % {size} AS i, {measuresAs} FROM {minutes})
            INSERT INTO {cube.TableName(RollupResolution.Minute)} (bucket, traffic_direction, {names}, flows, packets, bytes)
            SELECT m, d, {poolColumns}, sum(flows), sum(packets), sum(bytes)
            FROM draws JOIN pool USING (i)
            GROUP BY m, d, {poolColumns}
            ORDER BY m
            """;
    }

    private static async Task ExecuteAsync(NpgsqlDataSource dataSource, string sql, DateTimeOffset start, DateTimeOffset end, int timeout, string? name = null, bool values = true)
    {
        await using var command = dataSource.CreateCommand(sql);
        command.CommandTimeout = timeout;
        if (values)
        {
            command.Parameters.Add(new() { Value = start.UtcDateTime });
            command.Parameters.Add(new() { Value = end.UtcDateTime });
            if (name is not null)
            {
                command.Parameters.Add(new() { Value = name });
            }
        }
        await command.ExecuteNonQueryAsync();
    }
}
