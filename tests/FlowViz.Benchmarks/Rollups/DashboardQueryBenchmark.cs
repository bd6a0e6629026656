using System.Diagnostics;
using FlowViz.Core.Filtering;
using FlowViz.Core.Queries;
using FlowViz.Storage.Embedded;
using FlowViz.Storage.Migrations;
using FlowViz.Storage.Queries;
using FlowViz.Storage.Rollups;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;

namespace FlowViz.Benchmarks.Rollups;

/// <summary>
/// p50 / p95 latency of the queries behind each dashboard, through the product's query service, on the embedded
/// PostgreSQL filled by <see cref="RollupDataGenerator"/>. Ranges end 17 s after a minute boundary, as "now" does, so
/// each answer also reads the (empty) raw flows at its edge. Target: p95 &lt; 150 ms.
/// With <c>--without-0010</c> it then drops what db-migrations/0010 added (day coverage, AS-cube indexes) and times
/// the same queries again: a before/after on the same data in the same conditions.
/// With <c>--without-0012</c> it times them again without the 6-hour and week coverage (db-migrations/0012).
/// With <c>--without-0015</c> it times them again without the class rollup (db-migrations/0015).
/// Usage: dotnet run -c Release --project tests/FlowViz.Benchmarks -- --rollup-queries [runs] [--without-0010] [--without-0012] [--without-0015] [--scale 0.25] [--data DIR] [--explain]
/// </summary>
internal static class DashboardQueryBenchmark
{
    public static async Task RunAsync(
        int runs, bool withoutMigration0010, double scale, string? keptDirectory = null, bool explain = false, bool withoutMigration0012 = false,
        bool withoutMigration0015 = false)
    {
        var directory = keptDirectory is null ? Directory.CreateTempSubdirectory("flowviz-rollup-bench-") : Directory.CreateDirectory(keptDirectory);
        try
        {
            await using var server = await EmbeddedPostgres.StartAsync(new EmbeddedPostgresOptions { Directory = directory.FullName, Durable = false });
            await using var dataSource = NpgsqlDataSource.Create(await server.CreateDatabaseAsync("bench"));
            await new MigrationRunner(dataSource, NullLogger<MigrationRunner>.Instance).ApplyAsync();
            var end = new DateTimeOffset(2026, 11, 23, 10, 0, 0, TimeSpan.Zero);
            if (await IsGeneratedAsync(dataSource))
            {
                Console.WriteLine($"Reusing the data in {directory.FullName}.");
                await RollupDataGenerator.CompleteAsync(dataSource);
            }
            else
            {
                Console.WriteLine($"Generating {RollupDataGenerator.Days} days of 1-minute rollups (50 exporters, 2,000 interfaces, 5,000 ASes), " +
                    $"rows per minute × {scale}… (load {File.ReadAllText("/proc/loadavg").Trim()})");
                var watch = Stopwatch.StartNew();
                await RollupDataGenerator.GenerateAsync(dataSource, end, scale);
                Console.WriteLine($"Generated in {watch.Elapsed.TotalSeconds:F0} s.");
            }
            // The class rollup (db-migrations/0015) as the builder's catch-up makes it: in full on the first run (or after the
            // classes changed), nothing to do on the next.
            var classes = Stopwatch.StartNew();
            var classSteps = await ClassRollupBuilder.CatchUpAsync(dataSource, default);
            Console.WriteLine($"Class rollups: {classSteps} catch-up transaction(s), {classes.Elapsed.TotalSeconds:F1} s");
            // As autovacuum leaves a running database: freshly loaded rows have no hint bits or visibility map, so the first
            // query to touch a table wrote to it, and autovacuum woke up on the new tables in the middle of the timings.
            var vacuum = Stopwatch.StartNew();
            await ExecuteAsync(dataSource, "VACUUM (ANALYZE)");
            Console.WriteLine($"VACUUM (ANALYZE) {vacuum.Elapsed.TotalSeconds:F0} s");
            Console.WriteLine($"{runs} runs per query:");
            var queries = new TrafficQueries(dataSource);
            var now = end.AddSeconds(17);
            var day = TimeRange.Last(TimeSpan.FromDays(1), now);
            var week = TimeRange.Last(TimeSpan.FromDays(7), now);
            var month = new TimeRange(end.AddDays(-RollupDataGenerator.Days), now);
            var transit = FilterParser.Parse("connectivity transit");
            var cases = new (string Name, Func<Task> Run)[]
            {
                ("overview series, protocol, 24 h (5 m)", () => queries.SeriesAsync(new SeriesQuery(day, FlowDimension.Protocol, TrafficMetric.Bits, SeriesStep.For(day), 10, Split: SeriesSplit.Direction), default)),
                ("overview series, protocol, 30 d (1 h)", () => queries.SeriesAsync(new SeriesQuery(month, FlowDimension.Protocol, TrafficMetric.Bits, SeriesStep.For(month), 10), default)),
                ("top applications, 7 d", () => queries.TopAsync(new TopQuery(week, FlowDimension.Application, TrafficMetric.Bytes, 10), default)),
                ("top local hosts, 24 h", () => queries.TopAsync(new TopQuery(day, FlowDimension.LocalHost, TrafficMetric.Bytes, 20), default)),
                ("AS top-N origin AS via transit, 30 d", () => queries.TopAsync(new TopQuery(month, FlowDimension.OriginAs, TrafficMetric.Bytes, 20, transit), default)),
                ("AS top-N origin AS, 7 d", () => queries.TopAsync(new TopQuery(week, FlowDimension.OriginAs, TrafficMetric.Bytes, 20), default)),
                ("AS series origin AS via transit, 24 h", () => queries.SeriesAsync(new SeriesQuery(day, FlowDimension.OriginAs, TrafficMetric.Bits, SeriesStep.For(day), 10, transit), default)),
                ("origin AS 64513 by interface, 30 d", () => queries.TopAsync(new TopQuery(month, FlowDimension.InputInterface, TrafficMetric.Bytes, 20, FilterParser.Parse("src as 64513")), default)),
                ("interface 10.0.0.7 if 3 by AS, 30 d", () => queries.TopAsync(new TopQuery(month, FlowDimension.SrcAs, TrafficMetric.Bytes, 20, FilterParser.Parse("exporter 10.0.0.7 and in if 3")), default)),
                ("connectivity series, 7 d", () => queries.SeriesAsync(new SeriesQuery(week, FlowDimension.Connectivity, TrafficMetric.Bits, SeriesStep.For(week), 10), default)),
            };
            Console.WriteLine($"load {File.ReadAllText("/proc/loadavg").Trim()}");
            await TimeAsync(cases, runs);
            Console.WriteLine($"load {File.ReadAllText("/proc/loadavg").Trim()}");
            if (explain)
            {
                await ExplainAsync(server, dataSource, cases);
            }
            if (withoutMigration0015)
            {
                // The same data without 0015's class rollup: the planner sees no current class level and reads the interface
                // cube through the class joins, as before. The state comes back at the end, so a --data database stays whole.
                await TimeWithoutRowsAsync(dataSource, "class_rollup_state", "true", "Without 0015 (no class rollup):", cases, runs);
            }
            if (withoutMigration0012)
            {
                // The same data without 0012's levels: the planner sees no 6-hour or week coverage and stops at hours and
                // days, as before. The coverage rows come back at the end, so a --data database stays whole.
                await TimeWithoutRowsAsync(dataSource, "rollup_state", "resolution IN ('6h', '1w')", "Without 0012 (no 6-hour or week rollups):", cases, runs);
            }
            if (withoutMigration0010)
            {
                // The same data and code without what 0010 added: no day coverage (the planner then stops at hours) and
                // no AS indexes. Measured right after, in the same process, so load and caches are alike.
                await ExecuteAsync(dataSource, "DELETE FROM rollup_state WHERE resolution = '1d'");
                foreach (var table in RollupResolution.All.Select(RollupCubes.As.TableName))
                {
                    foreach (var index in new[] { "src_as", "dst_as", "origin", "input", "output" })
                    {
                        await ExecuteAsync(dataSource, $"DROP INDEX {table}_{index}");
                    }
                }
                await ExecuteAsync(dataSource, "ANALYZE");
                Console.WriteLine("Without 0010 (no day rollups, no AS-cube indexes):");
                await TimeAsync(cases, runs);
                Console.WriteLine($"load {File.ReadAllText("/proc/loadavg").Trim()}");
            }
        }
        finally
        {
            if (keptDirectory is null)
            {
                directory.Delete(recursive: true);
            }
        }
    }

    private static async Task<bool> IsGeneratedAsync(NpgsqlDataSource dataSource)
    {
        await using var command = dataSource.CreateCommand("SELECT count(*) FROM rollup_state");
        return (long)(await command.ExecuteScalarAsync())! > 0;
    }

    /// <summary>Runs each query once more with auto_explain logging its plans (ANALYZE, BUFFERS), then prints them from the server log.</summary>
    private static async Task ExplainAsync(EmbeddedPostgres server, NpgsqlDataSource dataSource, (string Name, Func<Task> Run)[] cases)
    {
        await ExecuteAsync(dataSource, "ALTER DATABASE bench SET session_preload_libraries = 'auto_explain'");
        await ExecuteAsync(dataSource, "ALTER DATABASE bench SET auto_explain.log_min_duration = 20");
        await ExecuteAsync(dataSource, "ALTER DATABASE bench SET auto_explain.log_analyze = on");
        await ExecuteAsync(dataSource, "ALTER DATABASE bench SET auto_explain.log_buffers = on");
        dataSource.Clear();
        var logged = new FileInfo(server.LogFile).Length;
        foreach (var (name, run) in cases)
        {
            Console.WriteLine($"== {name}");
            await run();
        }
        await using (var log = new FileStream(server.LogFile, FileMode.Open, FileAccess.Read, FileShare.ReadWrite))
        {
            log.Seek(logged, SeekOrigin.Begin);
            Console.WriteLine(await new StreamReader(log).ReadToEndAsync());
        }
        await ExecuteAsync(dataSource, "ALTER DATABASE bench RESET ALL");
        dataSource.Clear();
    }

    private static async Task TimeAsync((string Name, Func<Task> Run)[] cases, int runs)
    {
        Console.WriteLine("| query | p50 ms | p95 ms | max ms |");
        Console.WriteLine("|---|---|---|---|");
        foreach (var (name, run) in cases)
        {
            await run(); // warm-up: plans, caches
            var timings = new double[runs];
            for (var i = 0; i < runs; i++)
            {
                var one = Stopwatch.StartNew();
                await run();
                timings[i] = one.Elapsed.TotalMilliseconds;
            }
            Array.Sort(timings);
            Console.WriteLine($"| {name} | {Percentile(timings, 0.50):F1} | {Percentile(timings, 0.95):F1} | {timings[^1]:F1} |");
        }
    }

    /// <summary>
    /// The cases timed with the rows of <paramref name="table"/> matching <paramref name="where"/> (fixed SQL of this file)
    /// set aside, then put back even when timing fails, so that a --data database stays whole.
    /// </summary>
    private static async Task TimeWithoutRowsAsync(
        NpgsqlDataSource dataSource, string table, string where, string title, (string Name, Func<Task> Run)[] cases, int runs)
    {
        await ExecuteAsync(dataSource, $"CREATE TABLE bench_kept_rows AS SELECT * FROM {table} WHERE {where}");
        await ExecuteAsync(dataSource, $"DELETE FROM {table} WHERE {where}");
        try
        {
            Console.WriteLine(title);
            await TimeAsync(cases, runs);
            Console.WriteLine($"load {File.ReadAllText("/proc/loadavg").Trim()}");
        }
        finally
        {
            await ExecuteAsync(dataSource, $"INSERT INTO {table} SELECT * FROM bench_kept_rows");
            await ExecuteAsync(dataSource, "DROP TABLE bench_kept_rows");
        }
    }

    private static async Task ExecuteAsync(NpgsqlDataSource dataSource, string sql)
    {
        await using var command = dataSource.CreateCommand(sql);
        command.CommandTimeout = 3600;
        await command.ExecuteNonQueryAsync();
    }

    private static double Percentile(double[] sorted, double p) => sorted[(int)Math.Ceiling(p * sorted.Length) - 1];
}
