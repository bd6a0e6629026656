using System.Collections.Concurrent;
using System.Diagnostics;
using FlowViz.Core.Flows;
using FlowViz.Generator.Demo;
using FlowViz.Storage;
using FlowViz.Storage.Embedded;
using FlowViz.Storage.Flows;
using FlowViz.Storage.Migrations;
using FlowViz.Storage.Rollups;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Npgsql;

namespace FlowViz.Benchmarks.Flows;

/// <summary>
/// PostgreSQL's floor for storing flows here: the CPU PostgreSQL spends per row when it does nothing but take binary
/// COPYs of realistic flow rows into the real <c>flows</c> table (the migrations' native daily partitions, with their
/// real indexes), from several connections at once, on the product's embedded cluster with its settings (durable).
/// The rows are encoded once, before timing, by the product's <c>FlowCopyEncoder</c> in batches of the collector's
/// size, so FlowViz's own CPU is not in the figure. Then the same with 0010's btree on time_received dropped, and with
/// the BRIN index dropped too: the differences are each index's cost. Last, the product's whole writer
/// (<see cref="FlowCopyWriter"/>: encoding in this process, COPY, and whatever else it stores in the batch's
/// transaction) on the same rows, for its PostgreSQL cost next to the floor. Each run starts from an empty table after
/// a CHECKPOINT, after one warm-up run. Prints rows/s, PostgreSQL CPU µs per row, WAL bytes per row, and the load average.
/// Usage: dotnet run -c Release --project tests/FlowViz.Benchmarks -- --copy-floor [rows] [connections]
/// </summary>
internal static class CopyFloorBenchmark
{
    private const int BatchSize = 20_000; // the collector's default Collector:BatchSize
    private const int SmallBatchSize = 2_000;

    public static async Task RunAsync(int rows, int connections)
    {
        var directory = Directory.CreateTempSubdirectory("flowviz-copy-floor-");
        try
        {
            await using var server = await EmbeddedPostgres.StartAsync(new EmbeddedPostgresOptions { Directory = directory.FullName });
            await using var dataSource = NpgsqlDataSource.Create(new NpgsqlConnectionStringBuilder(await server.CreateDatabaseAsync("bench"))
            {
                CommandTimeout = 900,
                MaxPoolSize = connections + 4,
            }.ConnectionString);
            await new MigrationRunner(dataSource, NullLogger<MigrationRunner>.Instance).ApplyAsync();
            var now = DateTimeOffset.UtcNow;
            var partitions = new FlowPartitionMaintainer(dataSource, Options.Create(new FlowVizStorageOptions()), TimeProvider.System,
                NullLogger<FlowPartitionMaintainer>.Instance);
            await partitions.EnsurePartitionsAsync(now.AddDays(-1), now.AddDays(1), default);
            var cpu = PostgresCpu.ForDataDirectory(server.DataDirectory);

            var batches = RealisticBatches(rows, now.UtcDateTime);
            var encoded = batches.Select(Encode).ToArray();
            Console.WriteLine($"{rows:N0} rows in {batches.Length} batches of ≤ {BatchSize:N0}, {connections} connection(s); " +
                $"{encoded.Sum(e => (long)e.Length) / (double)rows:F0} bytes of COPY data per row");

            // FlowViz's side of the minute rollups: summing the batches in memory (CPU of this process, one thread).
            for (var round = 0; round < 3; round++)
            {
                var sum = Stopwatch.StartNew();
                var rollupRows = batches.Sum(batch => MinuteRollups.Of(batch).Count);
                Console.WriteLine($"MinuteRollups.Of (in-memory sums, round {round + 1}): {1e6 * sum.Elapsed.TotalSeconds / rows:F3} µs/flow, " +
                    $"{rollupRows / (double)batches.Length:F0} rollup rows per batch over the six cubes");
            }

            var copyCommand = $"COPY flows ({string.Join(", ", FlowColumns.All.Select(c => c.Name))}) FROM STDIN (FORMAT BINARY)";
            Task RawCopy(byte[] batch) => RawCopyAsync(dataSource, copyCommand, batch);
            Console.WriteLine($"load {Load()}");
            // A first run warms up the server (relation files extended, catalog caches) and this process's JIT.
            await MeasureAsync(dataSource, cpu, "warm-up (not a figure): raw COPY, all indexes", encoded, connections, rows, RawCopy);
            await MeasureAsync(dataSource, cpu, "raw COPY, all indexes (BRIN + btree on time_received)", encoded, connections, rows, RawCopy);
            await ExecuteAsync(dataSource, "DROP INDEX flows_time_received");
            await MeasureAsync(dataSource, cpu, "raw COPY, BRIN only (0010's btree dropped)", encoded, connections, rows, RawCopy);
            await ExecuteAsync(dataSource, "DROP INDEX flows_time_received_brin");
            await MeasureAsync(dataSource, cpu, "raw COPY, no index", encoded, connections, rows, RawCopy);
            await ExecuteAsync(dataSource, "CREATE INDEX flows_time_received_brin ON flows USING brin (time_received)");
            await ExecuteAsync(dataSource, "CREATE INDEX flows_time_received ON flows (time_received)");
            var writer = new FlowCopyWriter(dataSource, partitions, NullLogger<FlowCopyWriter>.Instance);
            await ExecuteAsync(dataSource, TruncateMinuteCubes);
            await MeasureAsync(dataSource, cpu, "FlowCopyWriter (the product's writer), all indexes", batches, connections, rows,
                batch => writer.WriteAsync(batch, default).AsTask());
            await SmallBatchesAsync(dataSource, cpu, writer, batches, connections, rows);
            Console.WriteLine($"load {Load()}");
        }
        finally
        {
            directory.Delete(recursive: true);
        }
    }

    /// <summary>
    /// The writer with small batches, as the collector flushes them by age (Collector:BatchMaxAge, 1 s) when it stores
    /// tens of thousands of flows/s rather than hundreds of thousands: a batch then adds many rollup rows per flow, most
    /// of them updates of the current minute's keys. Each minute table at its fillfactor: 100 (PostgreSQL's default)
    /// fills pages with inserts, so an update's new row version goes to another page and needs new entries in both
    /// indexes (non-HOT); a lower fillfactor leaves room for HOT updates on the same page. Alternated, so a change of
    /// the machine's load shows as a difference between the two runs of the same setting.
    /// </summary>
    private static async Task SmallBatchesAsync(
        NpgsqlDataSource dataSource, PostgresCpu cpu, FlowCopyWriter writer, FlowRecord[][] batches, int connections, int rows)
    {
        var small = batches.SelectMany(batch => batch).Chunk(SmallBatchSize).ToArray();
        foreach (var fillfactor in new[] { 100, 70, 100, 70 })
        {
            foreach (var cube in RollupCubes.All)
            {
                await ExecuteAsync(dataSource, $"ALTER TABLE {cube.TableName(RollupResolution.Minute)} SET (fillfactor = {fillfactor})");
            }
            await ExecuteAsync(dataSource, TruncateMinuteCubes);
            var updates0 = await MinuteUpdatesAsync(dataSource);
            await MeasureAsync(dataSource, cpu, $"FlowCopyWriter, batches of {SmallBatchSize:N0}, minute tables at fillfactor {fillfactor}",
                small, connections, rows, batch => writer.WriteAsync(batch, default).AsTask());
            await Task.Delay(TimeSpan.FromSeconds(1.5)); // backends report their table statistics at most once a second
            var updates = await MinuteUpdatesAsync(dataSource);
            Console.WriteLine($"    minute-table row updates {updates.Updated - updates0.Updated:N0}, of which HOT " +
                $"{updates.Hot - updates0.Hot:N0} ({(updates.Updated - updates0.Updated) / (double)rows:F3} per flow)");
        }
    }

    private static readonly string TruncateMinuteCubes =
        $"TRUNCATE {string.Join(", ", RollupCubes.All.Select(cube => cube.TableName(RollupResolution.Minute)))}";

    private static async Task<(long Updated, long Hot)> MinuteUpdatesAsync(NpgsqlDataSource dataSource)
    {
        await using var command = dataSource.CreateCommand(
            "SELECT coalesce(sum(n_tup_upd), 0)::bigint, coalesce(sum(n_tup_hot_upd), 0)::bigint FROM pg_stat_user_tables WHERE relname LIKE 'rollup\\_%\\_1m'");
        await using var reader = await command.ExecuteReaderAsync();
        await reader.ReadAsync();
        return (reader.GetInt64(0), reader.GetInt64(1));
    }

    private static async Task MeasureAsync<T>(
        NpgsqlDataSource dataSource, PostgresCpu cpu, string name, IReadOnlyList<T> batches, int connections, int rows, Func<T, Task> write)
    {
        await ExecuteAsync(dataSource, "TRUNCATE flows");
        await ExecuteAsync(dataSource, "CHECKPOINT");
        var wal0 = await WalBytesAsync(dataSource);
        var cpu0 = cpu.Seconds();
        var queue = new ConcurrentQueue<T>(batches);
        var watch = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, connections).Select(_ => Task.Run(async () =>
        {
            while (queue.TryDequeue(out var batch))
            {
                await write(batch);
            }
        })));
        var seconds = watch.Elapsed.TotalSeconds;
        var pgSeconds = cpu.Seconds() - cpu0;
        var wal = await WalBytesAsync(dataSource) - wal0;
        Console.WriteLine($"{name}: {rows / seconds,10:N0} rows/s, PostgreSQL {1e6 * pgSeconds / rows:F2} CPU-µs/row " +
            $"({100 * pgSeconds / seconds:F0} % of one core), WAL {wal / (double)rows:F0} B/row, {seconds:F1} s; load {Load()}");
    }

    private static async Task RawCopyAsync(NpgsqlDataSource dataSource, string copyCommand, byte[] batch)
    {
        await using var connection = await dataSource.OpenConnectionAsync();
        await using var copy = await connection.BeginRawBinaryCopyAsync(copyCommand);
        await copy.WriteAsync(batch);
    }

    /// <summary>
    /// The demo model's site traffic (the generator's model: 4 exporters, the usual applications, local clients), received
    /// over the last minute, with what enrichment adds: an application name and a traffic direction.
    /// </summary>
    private static FlowRecord[][] RealisticBatches(int rows, DateTime now)
    {
        var models = Enumerable.Range(0, 4).Select(i => new DemoTrafficModel(seed: 7919 * (i + 1))).ToArray();
        var flows = new FlowRecord[rows];
        var pool = new FlowRecord[4096];
        for (var i = 0; i < rows;)
        {
            var exporter = (i / pool.Length) % models.Length;
            var made = models[exporter].Generate(pool, now);
            for (var j = 0; j < made && i < rows; j++, i++)
            {
                ref var flow = ref flows[i];
                flow = pool[j];
                flow.TimeReceived = now.AddTicks(-TimeSpan.TicksPerMinute + i * (TimeSpan.TicksPerMinute / rows));
                flow.Exporter = FlowAddress.FromIPv4(0x7F00_000Au + (uint)exporter);
                flow.FlowProtocol = FlowProtocol.NetFlowV9;
                flow.ObservationDomainId = (uint)exporter;
                flow.TrafficDirection = flow.InputInterface == 2 ? TrafficDirection.In : TrafficDirection.Out;
                flow.Application = ApplicationOf(Math.Min(flow.SrcPort, flow.DstPort));
            }
        }
        return flows.Chunk(BatchSize).ToArray();
    }

    private static string? ApplicationOf(ushort port) => port switch
    {
        443 => "https",
        80 => "http",
        53 => "dns",
        22 => "ssh",
        123 => "ntp",
        993 => "imaps",
        25 or 587 => "smtp",
        51820 => "wireguard",
        _ => null,
    };

    private static byte[] Encode(FlowRecord[] batch)
    {
        var buffer = new byte[FlowCopyEncoder.Header.Length + batch.Length * FlowCopyEncoder.MaxRowLength + FlowCopyEncoder.Trailer.Length];
        FlowCopyEncoder.Header.CopyTo(buffer);
        var length = FlowCopyEncoder.Header.Length;
        foreach (var flow in batch)
        {
            length += FlowCopyEncoder.WriteRow(buffer.AsSpan(length), flow);
        }
        FlowCopyEncoder.Trailer.CopyTo(buffer.AsSpan(length));
        return buffer[..(length + FlowCopyEncoder.Trailer.Length)];
    }

    private static async Task<long> WalBytesAsync(NpgsqlDataSource dataSource)
    {
        await using var command = dataSource.CreateCommand("SELECT (pg_current_wal_lsn() - '0/0')::bigint");
        return (long)(await command.ExecuteScalarAsync())!;
    }

    private static async Task ExecuteAsync(NpgsqlDataSource dataSource, string sql)
    {
        await using var command = dataSource.CreateCommand(sql);
        await command.ExecuteNonQueryAsync();
    }

    private static string Load() => File.ReadAllText("/proc/loadavg").Trim();
}
