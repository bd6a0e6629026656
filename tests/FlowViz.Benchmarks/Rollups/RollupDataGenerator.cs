using System.Diagnostics;
using System.Globalization;
using FlowViz.Storage.Rollups;
using Npgsql;

namespace FlowViz.Benchmarks.Rollups;

/// <summary>
/// Fills the 1-minute cubes with <see cref="Days"/> days of synthetic rows for 50 exporters × 40 interfaces (2,000)
/// and 5,000 ASes, server-side with generate_series, then derives the coarser cubes (5 minutes, 1 hour, 1 day) with
/// equivalent sums and marks every resolution covered. Rows per minute (not every combination — a busy edge network's
/// distinct keys per minute): <see cref="RollupDataShape.RowsPerMinute"/>.
/// <para>
/// Real traffic has a heavy-tailed and stable key set: the same big ASes arrive every minute over the same few
/// uplinks, and one end of every inbound or outbound flow is the local network (local AS 0, as exporters report
/// their own AS). So the interface and AS cubes draw each minute's rows from a fixed pool of keys
/// (<see cref="RollupDataShape.PoolSize"/>), skewed (pool index = random()³ · size): inbound rows enter by an external
/// interface and leave by an internal (core) one, outbound rows the reverse. Rows are stored in bucket order, as the
/// builder writes them bucket by bucket. Small key sets (protocols, applications, countries, 4,000 local hosts) are
/// drawn directly.
/// </para>
/// <para>
/// Speed: the first version inserted each cube's 30 days in one statement into tables that already had their indexes
/// (the AS cube has six): its 8.6 M minute rows took over 40 minutes on a loaded machine. Now the cubes' indexes are
/// dropped first and rebuilt from their own definitions (pg_indexes) after loading, and rows are generated one day
/// per statement (a small sort, and a progress line).
/// </para>
/// </summary>
internal static class RollupDataGenerator
{
    public const int Days = 30;

    private static readonly TimeSpan ProgressEvery = TimeSpan.FromSeconds(10);

    /// <summary>Generates the rows ending at <paramref name="end"/>; <paramref name="scale"/> multiplies the rows per minute (the pools stay).</summary>
    public static async Task<DateTimeOffset> GenerateAsync(NpgsqlDataSource dataSource, DateTimeOffset end, double scale = 1)
    {
        var start = end.AddDays(-Days);
        var total = Stopwatch.StartNew();
        await using var connection = await dataSource.OpenConnectionAsync();
        await ExecuteAsync(connection, "SET maintenance_work_mem = '512MB'");
        await ExecuteAsync(connection, "SET work_mem = '64MB'");
        await ExecuteAsync(connection, RollupDataShape.InterfaceClassesSql);
        var indexes = await DropIndexesAsync(connection);
        foreach (var cube in RollupCubes.All)
        {
            var watch = Stopwatch.StartNew();
            var rowsPerMinute = Math.Max(1, (int)Math.Round(RollupDataShape.RowsPerMinute[cube.Name] * scale));
            if (RollupDataShape.PoolSize.TryGetValue(cube.Name, out var size))
            {
                await ExecuteAsync(connection, $"CREATE TEMP TABLE pool_{cube.Name} AS {RollupDataShape.PoolKeysSql(size)}");
            }
            // A day at a time: its minutes, then its 5-minute and hourly buckets from them while they are in cache (the
            // range starts on an hour, so its days hold whole hours); the days from the hours at the end, whole UTC days only.
            var progress = Stopwatch.StartNew();
            for (var day = 0; day < Days; day++)
            {
                var from = start.AddDays(day);
                await ExecuteAsync(connection, RollupDataShape.MinuteRowsSql(cube, rowsPerMinute), from, from.AddDays(1));
                foreach (var resolution in new[] { RollupResolution.FiveMinutes, RollupResolution.Hour, RollupResolution.SixHours })
                {
                    await ExecuteAsync(connection, RollupDataShape.CoarserRowsSql(cube, resolution, Finer(resolution)), from, from.AddDays(1), resolution.Width);
                }
                if (progress.Elapsed >= ProgressEvery)
                {
                    Console.WriteLine($"  {cube.Name,-8} day {day + 1}/{Days} ({watch.Elapsed.TotalSeconds:F0} s)");
                    progress.Restart();
                }
            }
            foreach (var resolution in new[] { RollupResolution.Day, RollupResolution.Week })
            {
                await ExecuteAsync(connection, RollupDataShape.CoarserRowsSql(cube, resolution, Finer(resolution)),
                    resolution.Ceiling(start), resolution.Floor(end), resolution.Width);
            }
            Console.WriteLine($"  {cube.Name,-8} rows: {await CountsAsync(connection, cube)} ({watch.Elapsed.TotalSeconds:F0} s)");
        }
        await RebuildIndexesAsync(connection, indexes);
        foreach (var resolution in RollupResolution.All)
        {
            await ExecuteAsync(connection, "INSERT INTO rollup_state VALUES ($3, $1, $2)", resolution.Ceiling(start), resolution.Floor(end), resolution.Name);
        }
        var analyze = Stopwatch.StartNew();
        await ExecuteAsync(connection, "ANALYZE");
        Console.WriteLine($"  ANALYZE ({analyze.Elapsed.TotalSeconds:F0} s); generation total {total.Elapsed.TotalSeconds:F0} s");
        return start;
    }

    /// <summary>
    /// For a database generated before some resolutions existed (db-migrations/0012 added 6 h and 1 w): computes each
    /// resolution that has no coverage yet from the one below it, over the whole buckets that one covers, as the
    /// builder's first pass after the migration does.
    /// </summary>
    public static async Task CompleteAsync(NpgsqlDataSource dataSource)
    {
        await using var connection = await dataSource.OpenConnectionAsync();
        await ExecuteAsync(connection, "SET work_mem = '64MB'");
        foreach (var resolution in RollupResolution.All.Skip(1))
        {
            var finer = await CoverageAsync(connection, Finer(resolution));
            if (await CoverageAsync(connection, resolution) is not null || finer is not { } covered)
            {
                continue;
            }
            var watch = Stopwatch.StartNew();
            var (from, to) = (resolution.Ceiling(covered.From), resolution.Floor(covered.To));
            foreach (var cube in RollupCubes.All)
            {
                await ExecuteAsync(connection, RollupDataShape.CoarserRowsSql(cube, resolution, Finer(resolution)), from, to, resolution.Width);
            }
            await ExecuteAsync(connection, "INSERT INTO rollup_state VALUES ($3, $1, $2)", from, to, resolution.Name);
            await ExecuteAsync(connection, "ANALYZE");
            Console.WriteLine($"  computed the missing {resolution.Name} rollups [{from:u}, {to:u}) ({watch.Elapsed.TotalSeconds:F0} s)");
        }
    }

    private static async Task<(DateTimeOffset From, DateTimeOffset To)?> CoverageAsync(NpgsqlConnection connection, RollupResolution resolution)
    {
        await using var command = new NpgsqlCommand("SELECT covered_from, covered_to FROM rollup_state WHERE resolution = $1", connection);
        command.Parameters.Add(new() { Value = resolution.Name });
        await using var reader = await command.ExecuteReaderAsync();
        return await reader.ReadAsync()
            ? (reader.GetFieldValue<DateTimeOffset>(0), reader.GetFieldValue<DateTimeOffset>(1))
            : null;
    }

    private static RollupResolution Finer(RollupResolution resolution) =>
        RollupResolution.All[RollupResolution.All.ToList().IndexOf(resolution) - 1];

    /// <summary>Drops every index of the cube tables and returns their definitions (as pg_indexes gives them).</summary>
    private static async Task<List<(string Name, string Definition)>> DropIndexesAsync(NpgsqlConnection connection)
    {
        var tables = RollupCubes.All.SelectMany(cube => RollupResolution.All.Select(cube.TableName)).ToArray();
        var indexes = new List<(string, string)>();
        await using (var command = new NpgsqlCommand(
            """
            SELECT indexname, indexdef FROM pg_indexes
            WHERE schemaname = current_schema() AND tablename = ANY($1) AND indexname NOT LIKE '%\_bucket' ORDER BY 1
            """, connection))
        {
            command.Parameters.Add(new() { Value = tables });
            await using var reader = await command.ExecuteReaderAsync();
            while (await reader.ReadAsync())
            {
                indexes.Add((reader.GetString(0), reader.GetString(1)));
            }
        }
        foreach (var (name, _) in indexes)
        {
            await ExecuteAsync(connection, $"DROP INDEX \"{name}\"");
        }
        Console.WriteLine($"  dropped {indexes.Count} indexes of the cube tables (kept those on bucket: appended in order, and the day-by-day sums read them); rebuilt after loading");
        return indexes;
    }

    private static async Task RebuildIndexesAsync(NpgsqlConnection connection, List<(string Name, string Definition)> indexes)
    {
        var watch = Stopwatch.StartNew();
        var progress = Stopwatch.StartNew();
        for (var i = 0; i < indexes.Count; i++)
        {
            await ExecuteAsync(connection, indexes[i].Definition);
            if (progress.Elapsed >= ProgressEvery)
            {
                Console.WriteLine($"  index {i + 1}/{indexes.Count} {indexes[i].Name} ({watch.Elapsed.TotalSeconds:F0} s)");
                progress.Restart();
            }
        }
        Console.WriteLine($"  rebuilt {indexes.Count} indexes ({watch.Elapsed.TotalSeconds:F0} s)");
    }

    private static async Task<string> CountsAsync(NpgsqlConnection connection, RollupCube cube)
    {
        var counts = new List<string>();
        foreach (var resolution in RollupResolution.All)
        {
            await using var count = new NpgsqlCommand($"SELECT count(*) FROM {cube.TableName(resolution)}", connection);
            count.CommandTimeout = 600;
            counts.Add($"{resolution.Name} {(long)(await count.ExecuteScalarAsync())!:N0}");
        }
        return string.Join(", ", counts);
    }

    private static async Task ExecuteAsync(NpgsqlConnection connection, string sql, params object[] values)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        command.CommandTimeout = 3600;
        foreach (var value in values)
        {
            command.Parameters.Add(new() { Value = value is DateTimeOffset time ? time.UtcDateTime : value });
        }
        await command.ExecuteNonQueryAsync();
    }

    internal static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
