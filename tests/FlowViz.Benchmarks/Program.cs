using BenchmarkDotNet.Running;
using FlowViz.Benchmarks;

if (args is ["--help" or "-h", ..])
{
    Console.WriteLine("""
        Decoder benchmarks (see tests/FlowViz.Benchmarks/README.md).
          --cpu-time [iterations] [rounds] [datagram]
                                             CPU time per datagram, each datagram (or only the one named)
                                             decoded `iterations` times (default 200000) in each of `rounds`
                                             rounds (default 5) after a 1 s warm-up; prints the median and
                                             best round. Fair on a shared machine: time other processes hold
                                             the core is not counted.
          --cpu-time-enrichment [records]    CPU time of Enrich() per record, GeoIP off and on.
          --rollup-queries [runs] [--without-0010] [--without-0012] [--without-0015] [--scale S]
                                             30 days of generated rollups; p50/p95 of the dashboard queries (and
                                             again without migration 0010's day rollups and AS indexes); --scale
                                             multiplies the rows per minute (default 1; 0.25 for a quick run);
                                             --data DIR keeps the database there and reuses it on the next run;
                                             --explain logs each query's plan (auto_explain) and prints it;
                                             --without-0012 times again without the 6 h and 1 w rollups;
                                             --without-0015 times again without the class rollup.
          --flow-page [rows] [runs]          newest-100 flow page over 24 h on plain PostgreSQL, BRIN only vs a btree,
                                             and COPY rows/s without and with that btree (default 5000000 rows, 20 runs).
          --first-paint URL [runs]           first meaningful paint of every page of the FlowViz at URL (default 20 loads
                                             per page, fresh browser context each) in Debian's chromium; p50/p95 per page.
                                             tests/benchmarks/first-paint.sh starts FlowViz with demo data and runs it.
          --paint-trace URL [runs]           where the chart pages' first paint goes: chromium's performance trace of each
                                             load (default 5), the main thread's time by kind up to the first chart area.
          --copy-floor [rows] [connections]  PostgreSQL's floor: pre-encoded realistic rows COPYed into the real flows table
                                             (all indexes, without the btree, without any), then the product's writer;
                                             rows/s, PostgreSQL CPU-µs/row, WAL B/row (default 3000000 rows, 2 connections).
          --filter '*' --job short ...       BenchmarkDotNet (wall clock, [MemoryDiagnoser]); its own --help.
        Datagrams:
        """ + Environment.NewLine + string.Join(Environment.NewLine, DecoderBenchmarks.Datagrams.Select(d => "  " + d)));
    return;
}
if (args is ["--rollup-queries", ..])
{
    await FlowViz.Benchmarks.Rollups.DashboardQueryBenchmark.RunAsync(
        args.Length > 1 && !args[1].StartsWith("--", StringComparison.Ordinal) ? int.Parse(args[1], System.Globalization.CultureInfo.InvariantCulture) : 40,
        args.Contains("--without-0010"),
        Array.IndexOf(args, "--scale") is var at and > 0 && at + 1 < args.Length
            ? double.Parse(args[at + 1], System.Globalization.CultureInfo.InvariantCulture)
            : 1,
        Array.IndexOf(args, "--data") is var data and > 0 && data + 1 < args.Length ? args[data + 1] : null,
        args.Contains("--explain"),
        args.Contains("--without-0012"),
        args.Contains("--without-0015"));
    return;
}
if (args is ["--first-paint", var url, ..])
{
    await FlowViz.Benchmarks.FirstPaint.FirstPaintBenchmark.RunAsync(
        new Uri(url), args.Length > 2 ? int.Parse(args[2], System.Globalization.CultureInfo.InvariantCulture) : 20);
    return;
}
if (args is ["--paint-trace", var traced, ..])
{
    await FlowViz.Benchmarks.FirstPaint.FirstPaintBenchmark.RunAsync(
        new Uri(traced), args.Length > 2 ? int.Parse(args[2], System.Globalization.CultureInfo.InvariantCulture) : 5, trace: true);
    return;
}
if (args is ["--flow-page", ..])
{
    await FlowViz.Benchmarks.Flows.FlowPageBenchmark.RunAsync(
        args.Length > 1 ? int.Parse(args[1], System.Globalization.CultureInfo.InvariantCulture) : 5_000_000,
        args.Length > 2 ? int.Parse(args[2], System.Globalization.CultureInfo.InvariantCulture) : 20);
    return;
}
if (args is ["--copy-floor", ..])
{
    await FlowViz.Benchmarks.Flows.CopyFloorBenchmark.RunAsync(
        args.Length > 1 ? int.Parse(args[1], System.Globalization.CultureInfo.InvariantCulture) : 3_000_000,
        args.Length > 2 ? int.Parse(args[2], System.Globalization.CultureInfo.InvariantCulture) : 2);
    return;
}
if (args is ["--cpu-time", ..])
{
    var iterations = args.Length > 1 ? int.Parse(args[1], System.Globalization.CultureInfo.InvariantCulture) : 200_000;
    var rounds = args.Length > 2 ? int.Parse(args[2], System.Globalization.CultureInfo.InvariantCulture) : 5;
    CpuTimeRun.Run(iterations, rounds, args.Length > 3 ? args[3] : null);
    return;
}
if (args is ["--cpu-time-enrichment", ..])
{
    EnrichmentCpuTimeRun.Run(args.Length > 1 ? int.Parse(args[1], System.Globalization.CultureInfo.InvariantCulture) : 4_000_000);
    return;
}
BenchmarkSwitcher.FromAssembly(typeof(DecoderBenchmarks).Assembly).Run(args);
