using System.Globalization;
using System.Net;
using System.Net.Sockets;
using FlowViz.Collector.Statistics;

namespace FlowViz.Collector.Tests.Replication;

public sealed class ReplicationTests
{
    private const int Datagrams = 200;
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(15);

    [Fact]
    public async Task Replication_TwoReceivers_GetEveryDatagramByteForByteWhileEverythingIsWritten()
    {
        using var backup = new UdpReceiver(IPAddress.Loopback);
        using var dev = new UdpReceiver(IPAddress.IPv6Loopback);
        string[] receivers = [$"127.0.0.1:{backup.Endpoint.Port}", $"[::1]:{dev.Endpoint.Port}"];
        await using var collector = await RunningCollector.StartAsync(o => o.Replicate = [.. receivers]);
        var sent = Enumerable.Range(0, Datagrams).Select(V5Datagrams.Full).ToArray();

        await collector.SendAsync(IPAddress.Loopback, sent);

        var flows = await collector.Writer.WaitForAsync(Datagrams * V5Datagrams.FlowsPerDatagram, Timeout);
        Assert.Equal(Datagrams * V5Datagrams.FlowsPerDatagram, flows.Count);
        // One listener and one sender per receiver over loopback: the copies keep the order they arrived in.
        Assert.Equal(sent, await backup.WaitForAsync(Datagrams, Timeout));
        Assert.Equal(sent, await dev.WaitForAsync(Datagrams, Timeout));
        await WaitUntilAsync(() => collector.Statistics.SnapshotReplicas().All(r => r.Sent == Datagrams));
        Assert.Equal(
            [new ReplicaSnapshot(receivers[0], Datagrams, 0, 0), new ReplicaSnapshot(receivers[1], Datagrams, 0, 0)],
            collector.Statistics.SnapshotReplicas());
    }

    [Fact]
    public async Task Replication_ReceiverNobodyListensOn_CostsNothingAndItsErrorsAreCounted()
    {
        using var alive = new UdpReceiver(IPAddress.Loopback);
        var dead = $"127.0.0.1:{UnusedPort()}";
        await using var collector = await RunningCollector.StartAsync(o => o.Replicate = [dead, $"127.0.0.1:{alive.Endpoint.Port}"]);

        // Spaced out a little so that the ICMP port unreachables come back between sends and are reported.
        for (var i = 0; i < Datagrams; i += 10)
        {
            await collector.SendAsync(IPAddress.Loopback, [.. Enumerable.Range(i, 10).Select(V5Datagrams.Full)]);
            await Task.Delay(2, TestContext.Current.CancellationToken);
        }

        await collector.Writer.WaitForAsync(Datagrams * V5Datagrams.FlowsPerDatagram, Timeout);
        Assert.Equal(Datagrams, (await alive.WaitForAsync(Datagrams, Timeout)).Count);
        await WaitUntilAsync(() => Replica(collector, dead) is { } r && r.Sent + r.SendErrors == Datagrams);
        Assert.True(Replica(collector, dead).SendErrors > 0, "a refused receiver must be counted as send errors");
        Assert.Equal(0, Replica(collector, dead).DroppedQueueFull);
        Assert.Equal(0, collector.Statistics.DatagramsDroppedQueueFull);
    }

    [Fact]
    public async Task Replication_SenderBehind_DropsAndCountsButIngestWritesEverything()
    {
        var held = new HeldTransport();
        await using var collector = await RunningCollector.StartAsync(
            o => (o.Replicate, o.ReplicateQueueCapacity) = (["127.0.0.1:9"], 16), _ => held);

        await collector.SendAsync(IPAddress.Loopback, [.. Enumerable.Range(0, Datagrams).Select(V5Datagrams.Full)]);

        // Every flow is written while the replica's sender has not sent one copy.
        await collector.Writer.WaitForAsync(Datagrams * V5Datagrams.FlowsPerDatagram, Timeout);
        Assert.Equal(0, held.Sent);
        Assert.Equal(0, collector.Statistics.DatagramsDroppedQueueFull);
        held.Release();
        await WaitUntilAsync(() => Replica(collector, "127.0.0.1:9") is { } r && r.Sent + r.DroppedQueueFull == Datagrams);
        var replica = Replica(collector, "127.0.0.1:9");
        // 16 queued, and at most one taken by the sender before it was held.
        Assert.InRange(replica.Sent, 16, 17);
        Assert.Equal(Datagrams - replica.Sent, replica.DroppedQueueFull);
        Assert.Equal(0, replica.SendErrors);
    }

    [Fact]
    public async Task Replication_PreserveExporterAddress_FailsStartUp()
    {
        var e = await Assert.ThrowsAsync<InvalidOperationException>(() =>
            RunningCollector.StartAsync(o => (o.Replicate, o.ReplicatePreserveExporterAddress) = (["127.0.0.1:2055"], true)));
        Assert.Contains("CAP_NET_RAW", e.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("[::]:{0}", "127.0.0.1:{0}")]
    [InlineData("127.0.0.1:{0}", "127.0.0.1:{0}")]
    [InlineData("[::]:{0}", "[::1]:{0}")]
    public async Task Replication_ReceiverIsTheCollectorItself_FailsStartUp(string listen, string receiver)
    {
        var port = UnusedPort();

        var e = await Assert.ThrowsAsync<InvalidOperationException>(() => RunningCollector.StartAsync(o =>
            (o.Listen, o.Replicate) = ([string.Format(CultureInfo.InvariantCulture, listen, port)], [string.Format(CultureInfo.InvariantCulture, receiver, port)])));
        Assert.Contains("forever", e.Message, StringComparison.Ordinal);
    }

    private static ReplicaSnapshot Replica(RunningCollector collector, string receiver) =>
        collector.Statistics.SnapshotReplicas().Single(r => r.Receiver == receiver);

    private static int UnusedPort()
    {
        using var socket = new Socket(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp);
        socket.Bind(new IPEndPoint(IPAddress.Loopback, 0));
        return ((IPEndPoint)socket.LocalEndPoint!).Port;
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
