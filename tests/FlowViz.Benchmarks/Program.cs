using BenchmarkDotNet.Running;
using FlowViz.Benchmarks;

// Usage: dotnet run -c Release --project tests/FlowViz.Benchmarks -- --filter '*' --job short
//        dotnet run -c Release --project tests/FlowViz.Benchmarks -- --cpu-time [iterations]
//        dotnet run -c Release --project tests/FlowViz.Benchmarks -- --cpu-time-enrichment [records]
if (args is ["--cpu-time", ..])
{
    CpuTimeRun.Run(args.Length > 1 ? int.Parse(args[1], System.Globalization.CultureInfo.InvariantCulture) : 200_000);
    return;
}
if (args is ["--cpu-time-enrichment", ..])
{
    EnrichmentCpuTimeRun.Run(args.Length > 1 ? int.Parse(args[1], System.Globalization.CultureInfo.InvariantCulture) : 4_000_000);
    return;
}
BenchmarkSwitcher.FromAssembly(typeof(DecoderBenchmarks).Assembly).Run(args);
