using System.Net;
using FlowViz.Core.Flows;
using FlowViz.Generator.Load;
using FlowViz.Protocols;

namespace FlowViz.Generator.Tests;

public sealed class LoadGeneratorTests
{
    [Theory]
    [InlineData(LoadProtocol.NetFlowV9)]
    [InlineData(LoadProtocol.NetFlowV5)]
    [InlineData(LoadProtocol.Ipfix)]
    public void Run_PacedToALoopbackReceiver_SendsExactlyWhatItReports(LoadProtocol protocol)
    {
        using var receiver = new UdpCounter();
        var options = new LoadGeneratorOptions(receiver.Target, protocol, FlowsPerSecond: 40_000,
            Duration: TimeSpan.FromSeconds(30), Exporters: 3, MaxFlows: 12_000);

        var report = new LoadGenerator(options).Run(TestContext.Current.CancellationToken);
        var received = receiver.WaitFor(report.Datagrams);

        Assert.Equal(12_000, report.Flows);
        Assert.Equal(report.Datagrams, received.Count);
        Assert.Equal(3, report.Exporters.Count);
        var decoder = new FlowDatagramDecoder(TimeProvider.System);
        foreach (var exporter in report.Exporters)
        {
            var mine = received.Where(r => r.Source.Equals(exporter.Source)).ToList();
            var sink = new CountingSink();
            foreach (var (source, payload) in mine)
            {
                var context = new DatagramContext(FlowAddress.FromIPAddress(source.Address), DateTime.UtcNow);
                Assert.Equal(DecodeStatus.Ok, decoder.Decode(payload, context, sink).Status);
            }
            Assert.Equal(exporter.Datagrams, mine.Count);
            Assert.Equal(exporter.Bytes, mine.Sum(r => (long)r.Payload.Length));
            Assert.Equal(exporter.Flows, sink.Flows);
        }
        Assert.Equal(["127.0.0.10", "127.0.0.11", "127.0.0.12"], report.Exporters.Select(e => e.Source.Address.ToString()));
        // Loose on purpose (a shared CI machine): the bucket must hold it back, never let it run far ahead.
        Assert.True(report.FlowsPerSecond <= 1.5 * options.FlowsPerSecond, $"{report.FlowsPerSecond:F0} flows/s for a 40000 target");
    }

    [Fact]
    public void Run_Unpaced_StopsAtTheFlowBudgetAndReportsItExactly()
    {
        using var receiver = new UdpCounter();
        var options = new LoadGeneratorOptions(receiver.Target, LoadProtocol.NetFlowV9, FlowsPerSecond: 0,
            Duration: TimeSpan.FromSeconds(30), Exporters: 2, MaxFlows: 5_001, DatagramSize: 8_000);

        var report = new LoadGenerator(options).Run(TestContext.Current.CancellationToken);
        var received = receiver.WaitFor(report.Datagrams);

        Assert.Equal(5_001, report.Flows);
        Assert.Equal(report.Datagrams, received.Count);
        Assert.All(received, r => Assert.True(r.Payload.Length <= 8_000));
    }

    [Fact]
    public void Run_RateAboveWhatFitsTheDuration_StopsWhenTheDurationIsOver()
    {
        using var receiver = new UdpCounter();
        var options = new LoadGeneratorOptions(receiver.Target, LoadProtocol.NetFlowV9, FlowsPerSecond: 2_000,
            Duration: TimeSpan.FromMilliseconds(300), Exporters: 1);

        var report = new LoadGenerator(options).Run(TestContext.Current.CancellationToken);
        var received = receiver.WaitFor(report.Datagrams);

        Assert.InRange(report.Flows, 1, 600);
        Assert.True(report.Elapsed < TimeSpan.FromSeconds(5), report.Elapsed.ToString());
        Assert.Equal(report.Datagrams, received.Count);
    }

    [Fact]
    public void ToJson_Report_HasTotalsAndOneEntryPerExporter()
    {
        var report = new LoadReport("netflow9", "127.0.0.1:2055", TimeSpan.FromSeconds(2),
            [new(IPEndPoint.Parse("127.0.0.10:4000"), 10, 130, 14_000), new(IPEndPoint.Parse("127.0.0.11:4001"), 5, 60, 7_000)]);

        using var json = System.Text.Json.JsonDocument.Parse(report.ToJson());

        Assert.Equal(190, json.RootElement.GetProperty("flows").GetInt64());
        Assert.Equal(15, json.RootElement.GetProperty("datagrams").GetInt64());
        Assert.Equal(21_000, json.RootElement.GetProperty("bytes").GetInt64());
        Assert.Equal(95, json.RootElement.GetProperty("flowsPerSecond").GetDouble());
        Assert.Equal("127.0.0.11:4001", json.RootElement.GetProperty("exporters")[1].GetProperty("source").GetString());
    }
}
