using System.Buffers;
using System.Net.Sockets;
using System.Threading.Channels;
using FlowViz.Collector.Statistics;
using FlowViz.Collector.Writing;
using Microsoft.Extensions.Logging;

namespace FlowViz.Collector.Replication;

/// <summary>
/// One receiver: its own bounded queue and its own sender task, so a receiver that is slow or gone only
/// loses its own copies (counted) and never holds up the receive loop or the other receivers.
/// </summary>
internal sealed partial class ReplicaSender
{
    private readonly Channel<ReplicaCopy> _queue;
    private readonly IReplicaTransport _transport;
    private readonly ReplicaCounters _counters;
    private readonly LogThrottle _errorLog;
    private readonly ILogger _logger;
    private readonly Task _loop;

    public ReplicaSender(IReplicaTransport transport, int capacity, ReplicaCounters counters, TimeProvider time, ILogger logger)
    {
        _transport = transport;
        _counters = counters;
        _logger = logger;
        _errorLog = new LogThrottle(time, TimeSpan.FromSeconds(60));
        _queue = Channel.CreateBounded<ReplicaCopy>(new BoundedChannelOptions(capacity)
        {
            SingleReader = true,
            FullMode = BoundedChannelFullMode.Wait, // with TryWrite: refuse the newest rather than block or evict
        });
        _loop = Task.Run(RunAsync);
    }

    /// <summary>Queues a copy of <paramref name="datagram"/>; never blocks. Called by every listener's receive loop.</summary>
    public void Offer(ReadOnlySpan<byte> datagram)
    {
        // A copy per receiver rather than one shared, reference-counted buffer: a memcpy of a datagram is far
        // cheaper than the send it precedes, and each receiver then owns its buffer outright, whatever its pace.
        var copy = ArrayPool<byte>.Shared.Rent(datagram.Length);
        datagram.CopyTo(copy);
        if (!_queue.Writer.TryWrite(new ReplicaCopy(copy, datagram.Length)))
        {
            ArrayPool<byte>.Shared.Return(copy);
            _counters.CopyDroppedQueueFull();
        }
    }

    /// <summary>No more copies will come: the sender sends what is queued, closes its socket and ends.</summary>
    public Task StopAsync()
    {
        _queue.Writer.TryComplete();
        return _loop;
    }

    private async Task RunAsync()
    {
        var reader = _queue.Reader;
        while (await reader.WaitToReadAsync())
        {
            while (reader.TryRead(out var copy))
            {
                await SendAsync(copy);
            }
        }
        _transport.Dispose();
    }

    private async ValueTask SendAsync(ReplicaCopy copy)
    {
        try
        {
            await _transport.SendAsync(copy.Buffer.AsMemory(0, copy.Length));
            _counters.CopySent();
        }
        catch (SocketException e)
        {
            // Not retried: with a receiver that is down every retry would be refused in turn, and for one that
            // has just come back the next copy gets through anyway.
            _counters.CopySendFailed();
            if (_errorLog.TryEnter(out var suppressed))
            {
                LogSendFailed(_counters.Receiver, e.SocketErrorCode, suppressed);
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(copy.Buffer);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning,
        Message = "Replication to {Receiver} failed with {Error} ({Suppressed} more failures since the last message); ingest goes on, the failures are counted")]
    private partial void LogSendFailed(string receiver, SocketError error, long suppressed);

    private readonly record struct ReplicaCopy(byte[] Buffer, int Length);
}
