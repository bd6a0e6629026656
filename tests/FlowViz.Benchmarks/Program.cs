using BenchmarkDotNet.Running;
using FlowViz.Benchmarks;

// Usage: dotnet run -c Release --project tests/FlowViz.Benchmarks -- --filter '*' --job short
//        dotnet run -c Release --project tests/FlowViz.Benchmarks -- --cpu-time [iterations]
//        dotnet run -c Release --project tests/FlowViz.Benchmarks -- --rollup-queries [runs]
if (args is ["--rollup-queries", ..])
{
    await FlowViz.Benchmarks.Rollups.DashboardQueryBenchmark.RunAsync(args.Length > 1 ? int.Parse(args[1], System.Globalization.CultureInfo.InvariantCulture) : 40);
    return;
}
if (args is ["--cpu-time", ..])
{
    CpuTimeRun.Run(args.Length > 1 ? int.Parse(args[1], System.Globalization.CultureInfo.InvariantCulture) : 200_000);
    return;
}
BenchmarkSwitcher.FromAssembly(typeof(DecoderBenchmarks).Assembly).Run(args);
