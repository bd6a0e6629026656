using System.Buffers;
using System.Threading.Channels;
using FlowViz.Collector.Receiving;
using FlowViz.Collector.Counters;
using FlowViz.Collector.Statistics;
using FlowViz.Collector.Templates;
using FlowViz.Collector.Writing;
using FlowViz.Core.Counters;
using FlowViz.Core.Flows;
using FlowViz.Protocols;

namespace FlowViz.Collector.Decoding;

/// <summary>
/// Decodes the datagrams of its queue into a batch, and hands the batch on when it is full or old.
/// One worker per queue and no sharing, so the batch needs no lock. Each record is enriched (countries, AS,
/// application, direction) as it enters the batch, so what is written and what is spooled are the same.
/// </summary>
internal sealed class DecodeWorker(
    FlowDatagramDecoder decoder,
    CollectorStatistics statistics,
    int batchSize,
    TimeSpan batchMaxAge,
    TimeProvider time,
    TemplateJournal? journal = null,
    InterfaceCounterBuffer? counterBuffer = null,
    IFlowEnricher? enricher = null) : IFlowRecordSink, IExporterOptionsSink, IInterfaceCounterSink, ISampleSequenceSink
{
    private FlowRecord[] _batch = RentBatch(batchSize);
    private int _count;
    private long _batchStartedTimestamp;
    private DatagramTally _tally;
    private FlowAddress _datagramExporter;

    public void Add(in FlowRecord flow)
    {
        if (_count == _batch.Length)
        {
            // One datagram can carry more records than the batch has room left for; grow rather than lose them.
            var larger = RentBatch(_batch.Length * 2);
            _batch.AsSpan(0, _count).CopyTo(larger);
            ArrayPool<FlowRecord>.Shared.Return(_batch);
            _batch = larger;
        }
        _batch[_count] = flow;
        enricher?.Enrich(ref _batch[_count]); // in place in the batch: no second copy of the record
        _count++;
        _tally.Bytes += flow.ScaledBytes;
        _tally.Packets += flow.ScaledPackets;
        _tally.SamplingRate = Math.Max(flow.SamplingRate, 1u); // one rate per datagram is the norm; the last one stands for it
    }

    public void InterfaceName(FlowAddress exporter, uint observationDomainId, uint ifIndex, string name, string? description) =>
        statistics.For(exporter).RecordInterfaceName(observationDomainId, ifIndex, name, description);

    /// <summary>Kept with the datagram's sender, like every other per-exporter counter (the agent may differ).</summary>
    public void SampleSequence(FlowAddress agent, uint subAgentId, uint sourceId, uint sequenceNumber) =>
        statistics.For(_datagramExporter).RecordSampleSequence(sourceId, sequenceNumber);

    public void Add(in InterfaceCounterRecord counters)
    {
        statistics.For(counters.Exporter).RecordCounters(counters);
        counterBuffer?.Add(counters);
    }

    public async Task RunAsync(ChannelReader<ReceivedDatagram> input, ChannelWriter<FlowBatch> output)
    {
        while (true)
        {
            while (input.TryRead(out var datagram))
            {
                Decode(datagram);
                if (_count >= batchSize)
                {
                    await FlushAsync(output);
                }
            }
            if (_count > 0 && time.GetElapsedTime(_batchStartedTimestamp) >= batchMaxAge)
            {
                await FlushAsync(output);
            }
            if (!await WaitForInputAsync(input))
            {
                break;
            }
        }
        if (_count > 0)
        {
            await FlushAsync(output);
        }
        ArrayPool<FlowRecord>.Shared.Return(_batch);
    }

    private void Decode(in ReceivedDatagram datagram)
    {
        if (_count == 0)
        {
            _batchStartedTimestamp = time.GetTimestamp();
        }
        _tally = default;
        _datagramExporter = datagram.Exporter;
        var definitions = decoder.DefinitionChanges;
        var result = decoder.Decode(datagram.Payload, new DatagramContext(datagram.Exporter, datagram.ReceivedUtc), this);
        if (journal is not null && decoder.DefinitionChanges != definitions)
        {
            journal.Record(datagram.Exporter, datagram.Payload, datagram.ReceivedUtc); // taught templates or options: keep it
        }
        statistics.For(datagram.Exporter).Record(result, datagram.ReceivedUtc, _tally);
        ArrayPool<byte>.Shared.Return(datagram.Buffer);
    }

    /// <summary>Waits for a datagram, or until the pending batch is due; false when the queue is finished.</summary>
    private async ValueTask<bool> WaitForInputAsync(ChannelReader<ReceivedDatagram> input)
    {
        if (_count == 0)
        {
            return await input.WaitToReadAsync();
        }
        var due = batchMaxAge - time.GetElapsedTime(_batchStartedTimestamp);
        if (due <= TimeSpan.Zero)
        {
            return true;
        }
        using var timeout = new CancellationTokenSource(due, time);
        try
        {
            return await input.WaitToReadAsync(timeout.Token);
        }
        catch (OperationCanceledException) when (timeout.IsCancellationRequested)
        {
            return true; // the batch is due; the loop flushes it
        }
    }

    private async ValueTask FlushAsync(ChannelWriter<FlowBatch> output)
    {
        var batch = new FlowBatch(_batch, _count);
        _batch = RentBatch(batchSize);
        _count = 0;
        // Waiting here when the writers are behind is deliberate: the datagram queue then fills and its
        // drops are counted, instead of memory growing without bound.
        await output.WriteAsync(batch);
    }

    private static FlowRecord[] RentBatch(int size) => ArrayPool<FlowRecord>.Shared.Rent(size);
}
