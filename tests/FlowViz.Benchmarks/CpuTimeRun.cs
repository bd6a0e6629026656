using System.Diagnostics;

namespace FlowViz.Benchmarks;

/// <summary>
/// `-- --cpu-time`: decodes each datagram in a loop and divides the process's CPU time by the count.
/// On our 2 shared cores (load average 10-20 from other builders) BenchmarkDotNet's wall-clock means
/// vary 2x between identical runs; CPU time does not count the time other processes hold the core.
/// </summary>
internal static class CpuTimeRun
{
    public static void Run(int iterations)
    {
        foreach (var name in DecoderBenchmarks.Datagrams)
        {
            var benchmark = new DecoderBenchmarks { Datagram = name };
            benchmark.Setup();
            for (var i = 0; i < iterations / 10; i++)
            {
                benchmark.Decode(); // tiered JIT reaches its optimised code
            }
            var process = Process.GetCurrentProcess();
            var before = process.TotalProcessorTime;
            var allocated = GC.GetAllocatedBytesForCurrentThread();
            for (var i = 0; i < iterations; i++)
            {
                benchmark.Decode();
            }
            process.Refresh();
            var ns = (process.TotalProcessorTime - before).TotalNanoseconds / iterations;
            allocated = GC.GetAllocatedBytesForCurrentThread() - allocated;
            Console.WriteLine($"{name,-24} {ns,8:F0} ns CPU/datagram  {benchmark.RecordsPerDatagram * 1e3 / ns,6:F1} M records/s/core  {allocated / iterations} B/datagram");
        }
    }
}
