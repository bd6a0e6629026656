using BenchmarkDotNet.Running;
using FlowViz.Benchmarks;

// Usage: dotnet run -c Release --project tests/FlowViz.Benchmarks -- --filter '*' --job short
BenchmarkSwitcher.FromAssembly(typeof(DecoderBenchmarks).Assembly).Run(args);
