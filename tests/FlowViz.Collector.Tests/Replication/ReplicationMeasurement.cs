using System.Diagnostics;
using System.Net;
using FlowViz.Collector.Replication;
using FlowViz.Collector.Statistics;
using Microsoft.Extensions.Logging.Abstractions;

namespace FlowViz.Collector.Tests.Replication;

/// <summary>
/// Figures for Replication/README.md, not a pass/fail test (timings depend on the machine), so it runs only when asked:
/// dotnet build tests/FlowViz.Collector.Tests -c Release, then tests/FlowViz.Collector.Tests/bin/Release/net10.0/FlowViz.Collector.Tests
/// -class FlowViz.Collector.Tests.Replication.ReplicationMeasurement -explicit only -showLiveOutput
/// </summary>
public sealed class ReplicationMeasurement
{
    // The default queue: a full one holds 8192 pooled 2 KiB buffers. Far larger bursts would measure the GC
    // promoting hundreds of megabytes of queued copies rather than the replicator.
    private const int Queue = 8_192;

    [Fact(Explicit = true)]
    public async Task Measure_OneLoopbackReceiver_ReportsReceiveLoopCostAndSendRate()
    {
        var datagram = V5Datagrams.Full(0);
        for (var round = 1; round <= 3; round++) // the first round includes JIT warm-up
        {
            var held = new HeldTransport();
            var statistics = new CollectorStatistics();
            var replicator = Create(_ => held, "127.0.0.1:9", statistics);
            var queued = Time(() => Offer(replicator, datagram, Queue));
            var dropped = Time(() => Offer(replicator, datagram, 10 * Queue));
            held.Release();
            await replicator.StopAsync();

            using var receiver = new UdpReceiver(IPAddress.Loopback);
            statistics = new CollectorStatistics();
            replicator = Create(UdpReplicaTransport.Connect, $"127.0.0.1:{receiver.Endpoint.Port}", statistics);
            var clock = Stopwatch.StartNew();
            Offer(replicator, datagram, Queue); // the sender starts at once, so none is dropped
            await replicator.StopAsync();
            var sending = clock.Elapsed;
            var replica = statistics.SnapshotReplicas()[0];
            var steady = await BurstsAsync(receiver);
            TestContext.Current.TestOutputHelper!.WriteLine(
                $"round {round}, {datagram.Length}-byte datagrams: receive loop {queued.TotalNanoseconds / Queue:F0} ns per queued copy, " +
                $"{dropped.TotalNanoseconds / (10 * Queue):F0} ns per dropped copy; one sender over loopback UDP: " +
                $"{replica.Sent / sending.TotalSeconds:F0} copies/s ({replica.Sent} sent, {replica.DroppedQueueFull} dropped); " +
                $"receive loop in steady state (bursts of 64, queue drained between them) {steady.TotalNanoseconds / (64 * 200):F0} ns per copy; " +
                $"{Environment.ProcessorCount} cores, load average {File.ReadAllText("/proc/loadavg").Split(' ')[0]}");
        }
    }

    /// <summary>Time spent offering 200 bursts of 64 copies, the queue drained between bursts: buffers come back to the pool.</summary>
    private static async Task<TimeSpan> BurstsAsync(UdpReceiver receiver)
    {
        var datagram = V5Datagrams.Full(1);
        var statistics = new CollectorStatistics();
        var replicator = Create(UdpReplicaTransport.Connect, $"127.0.0.1:{receiver.Endpoint.Port}", statistics);
        var offering = TimeSpan.Zero;
        for (var burst = 1; burst <= 200; burst++)
        {
            offering += Time(() => Offer(replicator, datagram, 64));
            while (statistics.SnapshotReplicas()[0].Sent < burst * 64)
            {
                await Task.Yield();
            }
        }
        await replicator.StopAsync();
        return offering;
    }

    private static DatagramReplicator Create(Func<IPEndPoint, IReplicaTransport> connect, string receiver, CollectorStatistics statistics) =>
        DatagramReplicator.Create(
            new CollectorOptions { Replicate = [receiver], ReplicateQueueCapacity = Queue }, [], connect, statistics, TimeProvider.System, NullLogger.Instance)!;

    private static void Offer(DatagramReplicator replicator, byte[] datagram, int count)
    {
        for (var i = 0; i < count; i++)
        {
            replicator.Replicate(datagram);
        }
    }

    private static TimeSpan Time(Action action)
    {
        var clock = Stopwatch.StartNew();
        action();
        return clock.Elapsed;
    }
}
