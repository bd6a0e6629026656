using System.Net;
using FlowViz.Core.Flows;
using FlowViz.Protocols;

namespace FlowViz.Collector.Tests;

public sealed class CollectorServiceTests
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(15);

    [Fact]
    public async Task Collector_DatagramsOverIPv4AndIPv6_WritesEveryFlowWithItsExporter()
    {
        await using var collector = await RunningCollector.StartAsync();

        await collector.SendAsync(IPAddress.Loopback, [.. Enumerable.Range(0, 10).Select(V5Datagrams.Full)]);
        await collector.SendAsync(IPAddress.IPv6Loopback, [.. Enumerable.Range(0, 5).Select(V5Datagrams.Full)]);

        var flows = await collector.Writer.WaitForAsync(15 * V5Datagrams.FlowsPerDatagram, Timeout);
        Assert.Equal(15 * V5Datagrams.FlowsPerDatagram, flows.Count);
        Assert.Equal(10 * V5Datagrams.FlowsPerDatagram, flows.Count(f => f.Exporter == FlowAddress.Parse("127.0.0.1")));
        Assert.Equal(5 * V5Datagrams.FlowsPerDatagram, flows.Count(f => f.Exporter == FlowAddress.Parse("::1")));
        Assert.All(flows, f => Assert.Equal(FlowProtocol.NetFlowV5, f.FlowProtocol));
        var exporters = collector.Statistics.SnapshotExporters().ToDictionary(e => e.Exporter.ToString());
        Assert.Equal(10, exporters["127.0.0.1"].Datagrams);
        Assert.Equal(5, exporters["::1"].Datagrams);
        Assert.Equal(300, exporters["127.0.0.1"].Flows);
        Assert.Equal(300 * 2, exporters["127.0.0.1"].Packets);
        Assert.Equal(10 * Enumerable.Range(0, 30).Sum(i => 1_000 + i), exporters["127.0.0.1"].Bytes);
        Assert.Equal(300, exporters["127.0.0.1"].FlowsBySamplingRate[1]);
    }

    [Fact]
    public async Task Collector_DatagramsMissingFromTheSequence_AreCountedAsLost()
    {
        await using var collector = await RunningCollector.StartAsync();

        // V5Datagrams numbers each datagram's flow_sequence as index × 30: 2, 3 and 5 never arrive.
        await collector.SendAsync(IPAddress.Loopback, [.. new[] { 0, 1, 4, 6 }.Select(V5Datagrams.Full)]);

        await collector.Writer.WaitForAsync(4 * V5Datagrams.FlowsPerDatagram, Timeout);
        var sequence = Assert.Single(Assert.Single(collector.Statistics.SnapshotExporters()).Sequences);
        Assert.Equal(("flows", 7L * 30, 4L * 30, 3L * 30), (sequence.Unit, sequence.Expected, sequence.Received, sequence.Lost));
    }

    [Fact]
    public async Task Collector_MalformedDatagrams_AreCountedByReasonAndLaterDatagramsStillDecode()
    {
        await using var collector = await RunningCollector.StartAsync();
        var valid = V5Datagrams.Full(0);

        await collector.SendAsync(IPAddress.Loopback,
            valid[..100],                 // header says 30 records, 76 bytes of them arrived
            [0x00, 0x4D, 0x01, 0x02],     // version 77
            [0x05],                       // shorter than any header
            valid);

        await collector.Writer.WaitForAsync(V5Datagrams.FlowsPerDatagram, Timeout);
        var exporter = Assert.Single(collector.Statistics.SnapshotExporters());
        Assert.Equal(4, exporter.Datagrams);
        Assert.Equal(1, exporter.DatagramsByStatus[DecodeStatus.Ok]);
        Assert.Equal(1, exporter.DatagramsByStatus[DecodeStatus.UnsupportedVersion]);
        Assert.Equal(2, exporter.DatagramsByStatus[DecodeStatus.Truncated] + exporter.DatagramsByStatus[DecodeStatus.Malformed]);
        Assert.Equal(V5Datagrams.FlowsPerDatagram, collector.Writer.Flows.Count);
    }

    [Fact]
    public async Task Collector_OptionsDataAndCounterSamples_AreKeptPerInterface()
    {
        await using var collector = await RunningCollector.StartAsync();

        await collector.SendAsync(IPAddress.Loopback, Fixture("netflow9/softflowd-mixed-1.bin"),
            Fixture("sflow/pmacct-counters-1.bin"), Fixture("sflow/pmacct-counters-2.bin"));

        await WaitUntilAsync(() => collector.Statistics.SnapshotExporters().Sum(e => e.Datagrams) == 3);
        var exporters = collector.Statistics.SnapshotExporters();
        Assert.Equal(2, exporters.Sum(e => e.CounterSamples));
        var interfaces = exporters.SelectMany(e => e.Interfaces).ToList();
        Assert.Contains(interfaces, i => i.Name == "mixed.pcap"); // softflowd names its "interface" after the pcap it reads
        Assert.Contains(interfaces, i => i.CountersAtUtc is not null && i.InOctets is not null);
    }

    [Fact]
    public async Task Collector_SFlowDatagramMissing_CountsTheLostDatagramAndItsSamples()
    {
        await using var collector = await RunningCollector.StartAsync();
        var missing = Fixture("sflow/pmacct-bulk-2.bin");

        // pmacct's sfprobe stream from one agent, with its second datagram lost on the way.
        await collector.SendAsync(IPAddress.Loopback, [.. new[] { 1, 3, 4 }.Select(i => Fixture($"sflow/pmacct-bulk-{i}.bin"))]);

        await WaitUntilAsync(() => collector.Statistics.SnapshotExporters().Sum(e => e.Datagrams) == 3);
        var sequences = collector.Statistics.SnapshotExporters().SelectMany(e => e.Sequences).ToList();
        Assert.Equal(1, Assert.Single(sequences, s => s.Unit == "datagrams").Lost);
        var samplesInMissing = new FlowViz.Protocols.FlowDatagramDecoder(TimeProvider.System)
            .Decode(missing, new FlowViz.Protocols.DatagramContext(default, DateTime.UtcNow), new NullSink()).FlowCount;
        Assert.Equal(samplesInMissing, sequences.Where(s => s.Unit == "samples").Sum(s => s.Lost));
    }

    private sealed class NullSink : FlowViz.Protocols.IFlowRecordSink
    {
        public void Add(in FlowRecord flow)
        {
        }
    }

    private static byte[] Fixture(string name) => File.ReadAllBytes(Path.Combine(AppContext.BaseDirectory, "Fixtures", name));

    [Fact]
    public async Task Collector_WriterFailsTwice_RetriesAndLosesNothing()
    {
        await using var collector = await RunningCollector.StartAsync();
        collector.Writer.FailNext(2);

        await collector.SendAsync(IPAddress.Loopback, V5Datagrams.Full(0), V5Datagrams.Full(1));

        var flows = await collector.Writer.WaitForAsync(2 * V5Datagrams.FlowsPerDatagram, Timeout);
        Assert.Equal(2 * V5Datagrams.FlowsPerDatagram, flows.Count);
        Assert.Equal(2, collector.Statistics.WriteFailures);
    }

    [Fact]
    public async Task Collector_DecodersBehind_DropsAreCountedAndEverythingElseIsWritten()
    {
        await using var collector = await RunningCollector.StartAsync(o =>
        {
            o.DecodeWorkers = 1;
            o.DatagramQueueCapacity = 16;
            o.WriteQueueCapacity = 1;
            o.BatchSize = 1;
        });
        collector.Writer.Hold();

        await collector.SendAsync(IPAddress.Loopback, [.. Enumerable.Range(0, 200).Select(V5Datagrams.Full)]);
        await WaitUntilAsync(() => collector.Statistics.DatagramsReceived == 200);
        collector.Writer.Release();

        var dropped = collector.Statistics.DatagramsDroppedQueueFull;
        Assert.True(dropped > 0, "a full decoder queue must drop, and count, instead of blocking the socket");
        var expected = (int)(200 - dropped) * V5Datagrams.FlowsPerDatagram;
        await collector.Writer.WaitForAsync(expected, Timeout);
        await collector.StopAsync();
        Assert.Equal(expected, collector.Writer.Flows.Count);
    }

    [Fact]
    public async Task Collector_Stopped_WritesThePartialBatchBeforeStopping()
    {
        await using var collector = await RunningCollector.StartAsync(o => o.BatchMaxAge = TimeSpan.FromHours(1));
        await collector.SendAsync(IPAddress.Loopback, V5Datagrams.Full(0));
        await WaitUntilAsync(() => collector.Statistics.SnapshotExporters().Sum(e => e.Flows) == V5Datagrams.FlowsPerDatagram);

        await collector.StopAsync();

        Assert.Equal(V5Datagrams.FlowsPerDatagram, collector.Writer.Flows.Count);
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
