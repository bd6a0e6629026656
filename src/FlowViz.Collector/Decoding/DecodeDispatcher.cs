using System.Buffers;
using System.Threading.Channels;
using FlowViz.Collector.Receiving;
using FlowViz.Collector.Statistics;

namespace FlowViz.Collector.Decoding;

/// <summary>
/// Routes each datagram to one decoder queue, chosen by exporter, so one exporter's datagrams are decoded
/// in arrival order (a NetFlow v9 template is learnt before the data that follows it).
/// </summary>
internal sealed class DecodeDispatcher
{
    private readonly Channel<ReceivedDatagram>[] _queues;
    private readonly CollectorStatistics _statistics;

    public DecodeDispatcher(int workers, int totalCapacity, CollectorStatistics statistics)
    {
        _statistics = statistics;
        _queues = new Channel<ReceivedDatagram>[workers];
        for (var i = 0; i < workers; i++)
        {
            _queues[i] = Channel.CreateBounded<ReceivedDatagram>(new BoundedChannelOptions(Math.Max(1, totalCapacity / workers))
            {
                SingleReader = true,
                FullMode = BoundedChannelFullMode.Wait, // with TryWrite: refuse rather than block or evict
            });
        }
    }

    public IReadOnlyList<ChannelReader<ReceivedDatagram>> Readers => [.. _queues.Select(q => q.Reader)];

    public void Dispatch(in ReceivedDatagram datagram)
    {
        _statistics.DatagramReceived();
        var queue = _queues[(int)((uint)datagram.Exporter.GetHashCode() % (uint)_queues.Length)];
        if (!queue.Writer.TryWrite(datagram))
        {
            ArrayPool<byte>.Shared.Return(datagram.Buffer);
            _statistics.DatagramDroppedQueueFull();
        }
    }

    /// <summary>No more datagrams will come: the decoders finish what is queued and stop.</summary>
    public void Complete()
    {
        foreach (var queue in _queues)
        {
            queue.Writer.TryComplete();
        }
    }
}
