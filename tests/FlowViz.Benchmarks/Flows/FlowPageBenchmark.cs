using System.Diagnostics;
using FlowViz.Core.Flows;
using FlowViz.Core.Queries;
using FlowViz.Storage;
using FlowViz.Storage.Embedded;
using FlowViz.Storage.Flows;
using FlowViz.Storage.Migrations;
using FlowViz.Storage.Queries;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Npgsql;

namespace FlowViz.Benchmarks.Flows;

/// <summary>
/// The flow explorer's first page (newest 100 flows of the last 24 h) on plain PostgreSQL's daily partitions, which
/// carry only a BRIN index on time_received: writes <c>rows</c> flows spread over 24 h with the product's COPY writer
/// (timing rows/s), times the page (p50/p95), then adds the btree on time_received of db-migrations/0010, times the page again and writes
/// another <c>rows</c> / 5 flows to time COPY with that index. Prints both figures, so whether the index pays is a
/// measurement, not a guess.
/// Usage: dotnet run -c Release --project tests/FlowViz.Benchmarks -- --flow-page [rows] [runs]
/// </summary>
internal static class FlowPageBenchmark
{
    private const int Batch = 50_000;

    public static async Task RunAsync(int rows, int runs)
    {
        var directory = Directory.CreateTempSubdirectory("flowviz-flow-page-bench-");
        try
        {
            await using var server = await EmbeddedPostgres.StartAsync(new EmbeddedPostgresOptions { Directory = directory.FullName, Durable = false });
            // A sort of millions of rows on a busy machine outlasts Npgsql's default 30 s command timeout.
            await using var dataSource = NpgsqlDataSource.Create(new NpgsqlConnectionStringBuilder(await server.CreateDatabaseAsync("bench")) { CommandTimeout = 900 }.ConnectionString);
            await new MigrationRunner(dataSource, NullLogger<MigrationRunner>.Instance).ApplyAsync();
            // 0010 adds the btree this benchmark weighs: measure without it first, then add it back as 0010 does.
            await ExecuteAsync(dataSource, "DROP INDEX flows_time_received");
            var now = new DateTimeOffset(2026, 11, 23, 10, 0, 17, TimeSpan.Zero);
            var partitions = new FlowPartitionMaintainer(dataSource, Options.Create(new FlowVizStorageOptions()), TimeProvider.System,
                NullLogger<FlowPartitionMaintainer>.Instance);
            await partitions.EnsurePartitionsAsync(now.AddDays(-2), now.AddDays(1), default);
            var writer = new FlowCopyWriter(dataSource, partitions, NullLogger<FlowCopyWriter>.Instance);
            var day = TimeRange.Last(TimeSpan.FromDays(1), now);

            Console.WriteLine($"load {File.ReadAllText("/proc/loadavg").Trim()}");
            var copy = await WriteAsync(writer, rows, day.From, day.To);
            Console.WriteLine($"COPY, BRIN only: {rows:N0} rows in {copy.TotalSeconds:F1} s = {rows / copy.TotalSeconds:N0} rows/s");
            await ExecuteAsync(dataSource, "ANALYZE flows");
            var queries = new FlowRecordQueries(dataSource);
            var page = new FlowListQuery(day);
            await TimeAsync("newest 100 flows of 24 h, BRIN only", runs, () => queries.PageAsync(page, default));

            var index = Stopwatch.StartNew();
            await ExecuteAsync(dataSource, "CREATE INDEX flows_time_received ON flows (time_received)");
            await ExecuteAsync(dataSource, "ANALYZE flows");
            Console.WriteLine($"CREATE INDEX (time_received) on {rows:N0} rows: {index.Elapsed.TotalSeconds:F1} s");
            await TimeAsync("newest 100 flows of 24 h, btree (time_received)", runs, () => queries.PageAsync(page, default));

            var more = rows / 5;
            var previousDay = new TimeRange(day.From.AddDays(-1), day.From);
            copy = await WriteAsync(writer, more, previousDay.From, previousDay.To);
            Console.WriteLine($"COPY, BRIN + btree: {more:N0} rows in {copy.TotalSeconds:F1} s = {more / copy.TotalSeconds:N0} rows/s");
            Console.WriteLine($"load {File.ReadAllText("/proc/loadavg").Trim()}");
        }
        finally
        {
            directory.Delete(recursive: true);
        }
    }

    /// <summary>Writes <paramref name="count"/> flows at even steps over [from, to), in batches as the collector writes them.</summary>
    private static async Task<TimeSpan> WriteAsync(FlowCopyWriter writer, int count, DateTimeOffset from, DateTimeOffset to)
    {
        var random = new Random(count);
        var step = (to - from).Ticks / count;
        var buffer = new FlowRecord[Batch];
        var watch = new Stopwatch();
        for (var written = 0; written < count;)
        {
            var n = Math.Min(Batch, count - written);
            for (var i = 0; i < n; i++)
            {
                buffer[i] = Flow(random, from.UtcDateTime.AddTicks((written + i) * step));
            }
            watch.Start();
            await writer.WriteAsync(buffer.AsMemory(0, n), default);
            watch.Stop();
            written += n;
        }
        return watch.Elapsed;
    }

    private static FlowRecord Flow(Random random, DateTime received) => new()
    {
        TimeReceived = received,
        TimeStart = received.AddSeconds(-random.Next(60)),
        TimeEnd = received,
        Exporter = FlowAddress.Parse("10.0.0." + random.Next(1, 51)),
        FlowProtocol = FlowProtocol.Ipfix,
        SrcAddr = FlowAddress.FromIPv4((uint)random.Next()),
        DstAddr = FlowAddress.FromIPv4((uint)random.Next()),
        SrcPort = (ushort)random.Next(65536),
        DstPort = (ushort)(random.Next(4) == 0 ? 443 : random.Next(65536)),
        Protocol = (byte)(random.Next(3) == 0 ? 17 : 6),
        InputInterface = (uint)random.Next(1, 41),
        OutputInterface = (uint)random.Next(1, 41),
        Bytes = (ulong)random.Next(40, 1_500_000),
        Packets = (ulong)random.Next(1, 1_000),
        SamplingRate = 1,
        SrcAs = (uint)random.Next(64512, 69512),
        DstAs = (uint)random.Next(64512, 69512),
        TrafficDirection = (TrafficDirection)random.Next(1, 3),
    };

    private static async Task TimeAsync(string name, int runs, Func<Task<FlowPage>> run)
    {
        await run(); // warm-up
        var timings = new double[runs];
        for (var i = 0; i < runs; i++)
        {
            var one = Stopwatch.StartNew();
            var page = await run();
            timings[i] = one.Elapsed.TotalMilliseconds;
            if (page.Flows.Count != 100)
            {
                throw new InvalidOperationException($"expected 100 flows, got {page.Flows.Count}");
            }
        }
        Array.Sort(timings);
        Console.WriteLine($"{name}: p50 {timings[(runs - 1) / 2]:F1} ms, p95 {timings[(int)Math.Ceiling(0.95 * runs) - 1]:F1} ms ({runs} runs)");
    }

    private static async Task ExecuteAsync(NpgsqlDataSource dataSource, string sql)
    {
        await using var command = dataSource.CreateCommand(sql);
        command.CommandTimeout = 3600;
        await command.ExecuteNonQueryAsync();
    }
}
