using System.Diagnostics;

namespace FlowViz.Benchmarks;

/// <summary>
/// `-- --cpu-time`: decodes each datagram in a loop and divides the process's CPU time by the count.
/// On our 2 shared cores (load average 10-20 from other builders) BenchmarkDotNet's wall-clock means
/// vary 2x between identical runs; CPU time does not count the time other processes hold the core.
/// </summary>
internal static class CpuTimeRun
{
    /// <summary>
    /// Tiered compilation starts counting calls only after 100 ms without new tier-0 code, then
    /// compiles instrumented and optimised code in the background: a warm-up counted in iterations
    /// (10k × 1 µs = 10 ms) measured partly unoptimised code. A second of decoding is past all of it.
    /// </summary>
    private static readonly TimeSpan WarmUp = TimeSpan.FromSeconds(1);

    public static void Run(int iterations, int rounds, string? only)
    {
        if (only is not null && !DecoderBenchmarks.Datagrams.Contains(only))
        {
            Console.Error.WriteLine($"Unknown datagram '{only}'; --help lists them.");
            Environment.ExitCode = 2;
            return;
        }
        Console.WriteLine($"// {iterations} datagrams per round, {rounds} rounds, after {WarmUp.TotalSeconds:F0} s of warm-up; CPU time of the process");
        foreach (var name in DecoderBenchmarks.Datagrams.Where(d => only is null || d == only))
        {
            var benchmark = new DecoderBenchmarks { Datagram = name };
            benchmark.Setup();
            var warm = Stopwatch.StartNew();
            while (warm.Elapsed < WarmUp)
            {
                for (var i = 0; i < 1000; i++)
                {
                    benchmark.Decode();
                }
            }
            var nanoseconds = new double[rounds];
            var allocated = 0L;
            for (var round = 0; round < rounds; round++)
            {
                (nanoseconds[round], var bytes) = Measure(benchmark, iterations);
                allocated = Math.Max(allocated, bytes);
            }
            Array.Sort(nanoseconds);
            var median = nanoseconds[rounds / 2];
            var best = nanoseconds[0];
            var records = benchmark.RecordsPerDatagram;
            Console.WriteLine($"{name,-24} {records,3} records  median {median,6:F0} ns CPU/datagram = {records * 1e3 / median,5:F1} M records/s/core"
                + $"  (best {best,6:F0} ns = {records * 1e3 / best,5:F1} M)  {allocated} B/datagram");
        }
    }

    private static (double Nanoseconds, long AllocatedPerDatagram) Measure(DecoderBenchmarks benchmark, int iterations)
    {
        using var process = Process.GetCurrentProcess();
        var before = process.TotalProcessorTime;
        var allocated = GC.GetAllocatedBytesForCurrentThread();
        for (var i = 0; i < iterations; i++)
        {
            benchmark.Decode();
        }
        process.Refresh();
        var nanoseconds = (process.TotalProcessorTime - before).TotalNanoseconds / iterations;
        return (nanoseconds, (GC.GetAllocatedBytesForCurrentThread() - allocated) / iterations);
    }
}
