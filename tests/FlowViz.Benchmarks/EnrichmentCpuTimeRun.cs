using System.Diagnostics;

namespace FlowViz.Benchmarks;

/// <summary>
/// `-- --cpu-time-enrichment [records]`: enriches records in a loop in each <see cref="EnrichmentBenchmarks"/> scenario
/// and divides the process's CPU time by the count, like <see cref="CpuTimeRun"/> does for the decoders: on shared
/// cores the wall clock also counts the time other processes hold the core.
/// </summary>
internal static class EnrichmentCpuTimeRun
{
    public static void Run(int records)
    {
        foreach (var scenario in Enum.GetValues<EnrichmentBenchmarks.Mode>())
        {
            using var benchmark = new EnrichmentBenchmarks { Scenario = scenario };
            benchmark.Setup();
            var operations = Math.Max(1, records / EnrichmentBenchmarks.Records);
            for (var i = 0; i < Math.Max(10, operations / 10); i++)
            {
                benchmark.Enrich(); // tiered JIT reaches its optimised code
            }
            var process = Process.GetCurrentProcess();
            var before = process.TotalProcessorTime;
            var allocated = GC.GetAllocatedBytesForCurrentThread();
            for (var i = 0; i < operations; i++)
            {
                benchmark.Enrich();
            }
            process.Refresh();
            var count = (double)operations * EnrichmentBenchmarks.Records;
            var ns = (process.TotalProcessorTime - before).TotalNanoseconds / count;
            allocated = GC.GetAllocatedBytesForCurrentThread() - allocated;
            Console.WriteLine($"{scenario,-24} {ns,8:F0} ns CPU/record  {1e3 / ns,7:F2} M records/s/core  {allocated / count,6:F0} B/record");
        }
    }
}
