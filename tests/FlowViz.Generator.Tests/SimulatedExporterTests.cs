using System.Net;
using System.Net.Sockets;
using FlowViz.Core.Flows;
using FlowViz.Generator.Demo;
using FlowViz.Protocols;

namespace FlowViz.Generator.Tests;

public sealed class SimulatedExporterTests
{
    [Fact]
    public async Task SendAsync_ToARealSocket_DatagramsDecodeToTheGeneratedFlows()
    {
        using var receiver = new Socket(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp);
        receiver.Bind(new IPEndPoint(IPAddress.Loopback, 0));
        var now = new DateTime(2026, 11, 23, 6, 0, 0, DateTimeKind.Utc);
        var flows = new FlowRecord[200];
        var count = new DemoTrafficModel(seed: 11).Generate(flows, now);
        using var exporter = new SimulatedExporter(IPAddress.Parse("127.0.0.10"), (IPEndPoint)receiver.LocalEndPoint!, sourceId: 3, bootedUtc: now.AddHours(-5));

        await exporter.SendAsync(flows.AsMemory(0, count), now, TestContext.Current.CancellationToken);

        var decoder = new FlowDatagramDecoder(TimeProvider.System);
        var sink = new RecordingSink();
        var buffer = new byte[65_535];
        for (var i = 0; i < exporter.DatagramsSent; i++)
        {
            var received = await receiver.ReceiveFromAsync(buffer, SocketFlags.None, new IPEndPoint(IPAddress.Any, 0), TestContext.Current.CancellationToken);
            Assert.Equal(IPAddress.Parse("127.0.0.10"), ((IPEndPoint)received.RemoteEndPoint).Address);
            var context = new DatagramContext(FlowAddress.FromIPAddress(((IPEndPoint)received.RemoteEndPoint).Address), now);
            Assert.Equal(DecodeStatus.Ok, decoder.Decode(buffer.AsSpan(0, received.ReceivedBytes), context, sink).Status);
        }

        Assert.Equal(count, exporter.FlowsSent);
        Assert.Equal(count, sink.Flows.Count);
        for (var i = 0; i < count; i++)
        {
            Assert.Equal((flows[i].SrcAddr, flows[i].DstAddr, flows[i].SrcPort, flows[i].DstPort, flows[i].Protocol, flows[i].Bytes, flows[i].Packets),
                (sink.Flows[i].SrcAddr, sink.Flows[i].DstAddr, sink.Flows[i].SrcPort, sink.Flows[i].DstPort, sink.Flows[i].Protocol, sink.Flows[i].Bytes, sink.Flows[i].Packets));
            Assert.Equal(3u, sink.Flows[i].ObservationDomainId);
            Assert.Equal(FlowProtocol.NetFlowV9, sink.Flows[i].FlowProtocol);
        }
    }

    private sealed class RecordingSink : IFlowRecordSink
    {
        public List<FlowRecord> Flows { get; } = [];

        public void Add(in FlowRecord flow) => Flows.Add(flow);
    }
}
