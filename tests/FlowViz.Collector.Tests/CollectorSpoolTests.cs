using System.Net;
using FlowViz.Collector.Spooling;
using FlowViz.Collector.Statistics;
using FlowViz.Collector.Tests.Spooling;
using Microsoft.Extensions.Logging.Abstractions;

namespace FlowViz.Collector.Tests;

public sealed class CollectorSpoolTests
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(20);

    [Fact]
    public async Task Collector_DatabaseAwayThenBack_SpoolsThenWritesEveryFlowExactlyOnce()
    {
        await using var collector = await RunningCollector.StartAsync(o => o.BatchSize = 60);
        collector.Writer.GoDown();

        await collector.SendAsync(IPAddress.Loopback, [.. Enumerable.Range(0, 40).Select(V5Datagrams.Full)]);
        await WaitUntilAsync(() => collector.Statistics.FlowsSpooled == 40 * V5Datagrams.FlowsPerDatagram);
        Assert.NotEmpty(Directory.GetFiles(collector.SpoolDirectory, "*.spool"));
        await collector.SendAsync(IPAddress.Loopback, [.. Enumerable.Range(40, 20).Select(V5Datagrams.Full)]);
        collector.Writer.Recover();

        var flows = await collector.Writer.WaitForAsync(60 * V5Datagrams.FlowsPerDatagram, Timeout);
        await WaitUntilAsync(() => Directory.GetFiles(collector.SpoolDirectory).Length == 0);
        Assert.Equal(60 * V5Datagrams.FlowsPerDatagram, flows.Count);
        Assert.Equal(flows.Count, flows.DistinctBy(f => (f.TimeStart, f.SrcPort)).Count());
        Assert.True(collector.Statistics.FlowsReplayed >= 40 * V5Datagrams.FlowsPerDatagram);
        Assert.Equal(0, collector.Statistics.SpoolBytes);
        Assert.Equal(0, collector.Statistics.FlowsDroppedSpoolFull);
    }

    [Fact]
    public async Task Collector_DatabaseSlowerThanWriteTimeout_SpoolsInsteadOfWaitingAndLosesNothing()
    {
        await using var collector = await RunningCollector.StartAsync(o => o.WriteTimeout = TimeSpan.FromMilliseconds(200));
        collector.Writer.Hold(); // every write hangs, as on a database that accepts connections but does not answer

        await collector.SendAsync(IPAddress.Loopback, [.. Enumerable.Range(0, 20).Select(V5Datagrams.Full)]);
        await WaitUntilAsync(() => collector.Statistics.FlowsSpooled == 20 * V5Datagrams.FlowsPerDatagram);
        collector.Writer.Release();

        var flows = await collector.Writer.WaitForAsync(20 * V5Datagrams.FlowsPerDatagram, Timeout);
        await WaitUntilAsync(() => Directory.GetFiles(collector.SpoolDirectory).Length == 0);
        Assert.Equal(20 * V5Datagrams.FlowsPerDatagram, collector.Writer.Flows.Count);
        Assert.Equal(flows.Count, flows.DistinctBy(f => (f.TimeStart, f.SrcPort)).Count());
    }

    [Fact]
    public async Task Collector_StoppedWhileDatabaseAway_SpoolsWhatIsInMemoryAndTheNextStartReplaysIt()
    {
        using var spoolDirectory = new TempDirectory();
        await using (var first = await RunningCollector.StartAsync(o =>
        {
            o.SpoolDirectory = spoolDirectory.Path;
            o.BatchMaxAge = TimeSpan.FromHours(1); // the flows are still in a decoder's batch when the stop comes
        }))
        {
            first.Writer.GoDown();
            await first.SendAsync(IPAddress.Loopback, [.. Enumerable.Range(0, 10).Select(V5Datagrams.Full)]);
            await WaitUntilAsync(() => first.Statistics.SnapshotExporters().Sum(e => e.Flows) == 10 * V5Datagrams.FlowsPerDatagram);
            await first.StopAsync();
            Assert.Equal(10 * V5Datagrams.FlowsPerDatagram, first.Statistics.FlowsSpooled);
            Assert.Empty(first.Writer.Flows);
        }

        await using var second = await RunningCollector.StartAsync(o => o.SpoolDirectory = spoolDirectory.Path);

        var flows = await second.Writer.WaitForAsync(10 * V5Datagrams.FlowsPerDatagram, Timeout);
        await WaitUntilAsync(() => spoolDirectory.Files().Length == 0);
        Assert.Equal(10 * V5Datagrams.FlowsPerDatagram, flows.Count);
        Assert.Equal(flows.Count, flows.DistinctBy(f => (f.TimeStart, f.SrcPort)).Count());
    }

    [Fact]
    public async Task Collector_StoppedWhileDatabaseHangs_SpoolsAfterShutdownWriteTimeout()
    {
        await using var collector = await RunningCollector.StartAsync(o =>
        {
            o.BatchMaxAge = TimeSpan.FromHours(1);
            o.ShutdownWriteTimeout = TimeSpan.FromMilliseconds(300);
        });
        collector.Writer.Hold(); // writes hang: the 30 s WriteTimeout alone would outlast a container's stop grace
        await collector.SendAsync(IPAddress.Loopback, [.. Enumerable.Range(0, 10).Select(V5Datagrams.Full)]);
        await WaitUntilAsync(() => collector.Statistics.SnapshotExporters().Sum(e => e.Flows) == 10 * V5Datagrams.FlowsPerDatagram);

        var stopping = System.Diagnostics.Stopwatch.StartNew();
        await collector.StopAsync();

        Assert.InRange(stopping.Elapsed, TimeSpan.Zero, TimeSpan.FromSeconds(5));
        Assert.Equal(10 * V5Datagrams.FlowsPerDatagram, collector.Statistics.FlowsSpooled);
        collector.Writer.Release();
    }

    [Fact]
    public async Task Collector_StartedOnAPreexistingSpool_ReplaysItBeforeNewFlows()
    {
        using var spoolDirectory = new TempDirectory();
        using (var spool = FlowSpool.Open(spoolDirectory.Path, 1 << 30, 1 << 20, new CollectorStatistics(), TimeProvider.System, NullLogger.Instance))
        {
            spool.Append(SpoolFlows.Batch(1, 100));
            spool.Append(SpoolFlows.Batch(2, 100));
        }

        await using var collector = await RunningCollector.StartAsync(o => o.SpoolDirectory = spoolDirectory.Path);
        await collector.SendAsync(IPAddress.Loopback, V5Datagrams.Full(0));

        var flows = await collector.Writer.WaitForAsync(200 + V5Datagrams.FlowsPerDatagram, Timeout);
        Assert.Equal([.. SpoolFlows.Batch(1, 100), .. SpoolFlows.Batch(2, 100)], flows.Take(200));
        Assert.Equal(200 + V5Datagrams.FlowsPerDatagram, flows.Count);
        await WaitUntilAsync(() => spoolDirectory.Files().Length == 0);
    }

    [Fact]
    public async Task Collector_SpoolFull_DropsAreCountedAndTheRestArrives()
    {
        var maxBytes = SpoolFormat.HeaderSize + (3 * SpoolFormat.FrameSize(V5Datagrams.FlowsPerDatagram));
        await using var collector = await RunningCollector.StartAsync(o =>
        {
            o.SpoolMaxBytes = maxBytes; // below the configurable minimum: the test bypasses option validation
            o.BatchSize = V5Datagrams.FlowsPerDatagram;
            o.DecodeWorkers = 1;
        });
        collector.Writer.GoDown();

        await collector.SendAsync(IPAddress.Loopback, [.. Enumerable.Range(0, 10).Select(V5Datagrams.Full)]);
        await WaitUntilAsync(() => collector.Statistics.FlowsSpooled + collector.Statistics.FlowsDroppedSpoolFull
            == collector.Statistics.SnapshotExporters().Sum(e => e.Flows) && collector.Statistics.FlowsDroppedSpoolFull > 0);
        collector.Writer.Recover();

        var spooled = (int)collector.Statistics.FlowsSpooled;
        var flows = await collector.Writer.WaitForAsync(spooled, Timeout);
        Assert.Equal(3 * V5Datagrams.FlowsPerDatagram, spooled);
        Assert.Equal(spooled, flows.Count);
        Assert.Equal(collector.Statistics.SnapshotExporters().Sum(e => e.Flows), spooled + collector.Statistics.FlowsDroppedSpoolFull);
    }

    private static async Task WaitUntilAsync(Func<bool> condition)
    {
        var deadline = DateTime.UtcNow + Timeout;
        while (!condition())
        {
            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException("condition not met in time");
            }
            await Task.Delay(10);
        }
    }
}
