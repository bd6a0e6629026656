using FlowViz.Core.Flows;

namespace FlowViz.Protocols.Tests;

/// <summary>The header sequence numbers of real exporters' datagrams, with each protocol's own unit.</summary>
public sealed class SequenceTests
{
    private readonly FlowDatagramDecoder _decoder = new(TimeProvider.System);
    private readonly RecordingSink _sink = new();

    [Fact]
    public void Decode_SoftflowdV5_SequenceCountsFlowsBeforeTheDatagram()
    {
        var first = _decoder.Decode(Fixture.Payload("netflow5/softflowd-bulk-1.bin"), Fixture.Context, _sink);
        var second = _decoder.Decode(Fixture.Payload("netflow5/softflowd-bulk-2.bin"), Fixture.Context, _sink);

        Assert.Equal(new ExportSequence(FlowProtocol.NetFlowV5, 0, 0, 29), first.Sequence);
        Assert.Equal(new ExportSequence(FlowProtocol.NetFlowV5, 0, 29, 11), second.Sequence);
    }

    [Fact]
    public void Decode_SoftflowdV9_SequenceCountsExportPackets()
    {
        var sequences = Enumerable.Range(1, 4)
            .Select(i => _decoder.Decode(Fixture.Payload($"netflow9/softflowd-bulk-{i}.bin"), Fixture.Context, _sink).Sequence)
            .ToList();

        Assert.All(sequences, s => Assert.Equal((FlowProtocol.NetFlowV9, 1u), (s.Protocol, s.Increment)));
        Assert.Equal([0u, 1u, 2u, 3u], sequences.Select(s => s.Number - sequences[0].Number));
    }

    [Fact]
    public void Decode_PmacctIpfix_SequenceCountsDataRecords()
    {
        var results = Fixture.All("ipfix").Where(f => f.Contains("pmacct-mixed", StringComparison.Ordinal)).Order(StringComparer.Ordinal)
            .Select(f => _decoder.Decode(Fixture.Payload(f), Fixture.Context, _sink)).ToList();

        Assert.All(results, r => Assert.Equal(FlowProtocol.Ipfix, r.Sequence.Protocol));
        Assert.Equal([0u, 2u, 8u], results.Select(r => r.Sequence.Number));
        // (softflowd 1.1.0 deviates: its number already includes the message's own data records, so a
        // stream of unequal messages shows small gaps and late arrivals that cancel out over time.)
        for (var i = 1; i < results.Count; i++)
        {
            // The next message's number is this one's plus the data records it carried: no gap, no overlap.
            Assert.Equal(results[i - 1].Sequence.Number + results[i - 1].Sequence.Increment, results[i].Sequence.Number);
        }
    }

    [Fact]
    public void Decode_PmacctSFlow_EachDataSourceNumbersItsSamplesConsecutively()
    {
        var sink = new SampleSequences();
        foreach (var file in Fixture.All("sflow").Where(f => f.Contains("pmacct-bulk-", StringComparison.Ordinal) && !f.Contains("rate4", StringComparison.Ordinal))
            .OrderBy(f => int.Parse(f.Split('-')[^1].Split('.')[0], System.Globalization.CultureInfo.InvariantCulture)))
        {
            _decoder.Decode(Fixture.Payload(file), Fixture.Context, sink);
        }

        var bySource = sink.Numbers.GroupBy(n => n.SourceId).ToList();
        Assert.NotEmpty(bySource);
        Assert.All(bySource, source =>
        {
            var numbers = source.Select(n => n.Number).ToList();
            Assert.Equal(Enumerable.Range((int)numbers[0], numbers.Count).Select(n => (uint)n), numbers);
        });
        Assert.Equal(80, sink.Numbers.Count);
    }

    private sealed class SampleSequences : IFlowRecordSink, ISampleSequenceSink
    {
        public List<(uint SourceId, uint Number)> Numbers { get; } = [];

        public void Add(in FlowRecord flow)
        {
        }

        public void SampleSequence(FlowAddress agent, uint subAgentId, uint sourceId, uint sequenceNumber) =>
            Numbers.Add((sourceId, sequenceNumber));
    }
}
