using System.Diagnostics;
using FlowViz.Storage.Rollups;
using Npgsql;

namespace FlowViz.Benchmarks.Rollups;

/// <summary>
/// Fills the 1-minute cubes with <see cref="Days"/> days of synthetic rows for 50 exporters × 40 interfaces (2,000)
/// and 5,000 ASes, server-side with generate_series, then derives the 5-minute and 1-hour cubes with the builder's
/// own SQL and marks all three covered. Rows per minute (not every combination — a busy edge network's distinct
/// keys per minute): <see cref="RowsPerMinute"/>. Keys are skewed (random()³), as real traffic concentrates on few
/// ASes and interfaces, so the coarser tables shrink the way they would.
/// </summary>
internal static class RollupDataGenerator
{
    public const int Days = 30;

    public static readonly IReadOnlyDictionary<string, int> RowsPerMinute = new Dictionary<string, int>
    {
        ["proto"] = 40, ["app"] = 30, ["country"] = 40, ["host"] = 100, ["iface"] = 100, ["as"] = 200,
    };

    // Column expressions over g (row number within the minute) and skewed randoms; constants only, no user input.
    private static readonly Dictionary<string, string> Columns = new()
    {
        ["proto"] = "(ARRAY[6,17,1,58,47,50])[1 + (power(random(), 2) * 6)::int % 6], ('10.0.0.' || (1 + g % 50))::inet",
        ["app"] = "(ARRAY['https','http','quic','dns','ssh','smtp','imaps','ntp','rdp','ipsec','openvpn','wireguard','bgp','snmp','icmp'])[1 + (power(random(), 2) * 15)::int % 15]",
        ["country"] = "(ARRAY['US','DE','JP','FR','GB','NL','BR','CN','IN','SE'])[1 + g % 10], (ARRAY['US','DE','JP','FR','GB','NL','BR','CN','IN','SE'])[1 + (power(random(), 3) * 10)::int % 10]",
        ["host"] = "('192.0.2.0'::inet + (power(random(), 3) * 4000)::int)",
        ["iface"] = "('10.0.0.' || (1 + g % 50))::inet, 1 + (power(random(), 2) * 40)::int % 40, 1 + g % 40",
        ["as"] = "64512 + (power(random(), 3) * 5000)::int, 64512 + (power(random(), 3) * 5000)::int, ('10.0.0.' || (1 + g % 50))::inet, 1 + (power(random(), 2) * 40)::int % 40, 1 + g % 40",
    };

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
            await ExecuteAsync(dataSource, $"""
                INSERT INTO {cube.TableName(RollupResolution.Minute)} (bucket, traffic_direction, {names}, flows, packets, bytes)
                SELECT m, 1 + g % 2, {Columns[cube.Name]}, 1 + (random() * 50)::int, 10 + (random() * 5000)::int, 10000 + (random() * 5000000)::bigint
                FROM generate_series($1::timestamptz, $2::timestamptz - interval '1 minute', interval '1 minute') m,
                     generate_series(1, {RowsPerMinute[cube.Name]}) g
                """, start, end, timeout: 3600);
            foreach (var (resolution, finer) in new[] { (RollupResolution.FiveMinutes, RollupResolution.Minute), (RollupResolution.Hour, RollupResolution.FiveMinutes) })
            {
                await using var command = dataSource.CreateCommand($"""
                    INSERT INTO {cube.TableName(resolution)} (bucket, traffic_direction, {names}, flows, packets, bytes)
                    SELECT date_bin($3::interval, bucket, TIMESTAMPTZ '1970-01-01 00:00:00+00'), traffic_direction, {names}, sum(flows), sum(packets), sum(bytes)
                    FROM {cube.TableName(finer)} WHERE bucket >= $1 AND bucket < $2
                    GROUP BY {string.Join(", ", Enumerable.Range(1, cube.Columns.Count + 2))}
                    """);
                command.CommandTimeout = 3600;
                command.Parameters.Add(new() { Value = start.UtcDateTime });
                command.Parameters.Add(new() { Value = end.UtcDateTime });
                command.Parameters.Add(new() { Value = resolution.Width });
                await command.ExecuteNonQueryAsync();
            }
            Console.WriteLine($"  {cube.Name,-8} {RowsPerMinute[cube.Name] * Days * 1440,12:N0} rows at 1 m, 5 m and 1 h derived ({watch.Elapsed.TotalSeconds:F0} s)");
        }
        foreach (var resolution in RollupResolution.All)
        {
            await ExecuteAsync(dataSource, "INSERT INTO rollup_state VALUES ($3, $1, $2)", start, end, 60, resolution.Name);
        }
        await ExecuteAsync(dataSource, "ANALYZE", start, end, timeout: 3600, values: false);
        return start;
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
