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
          --rollup-queries [runs]            30 days of generated 1-minute rollups; p50/p95 of the dashboard queries.
          --filter '*' --job short ...       BenchmarkDotNet (wall clock, [MemoryDiagnoser]); its own --help.
        Datagrams:
        """ + Environment.NewLine + string.Join(Environment.NewLine, DecoderBenchmarks.Datagrams.Select(d => "  " + d)));
    return;
}
if (args is ["--rollup-queries", ..])
{
    await FlowViz.Benchmarks.Rollups.DashboardQueryBenchmark.RunAsync(args.Length > 1 ? int.Parse(args[1], System.Globalization.CultureInfo.InvariantCulture) : 40);
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
