using System.Buffers;
using System.Threading.Channels;
using FlowViz.Collector.Spooling;
using FlowViz.Collector.Statistics;
using FlowViz.Core.Flows;
using Microsoft.Extensions.Logging;

namespace FlowViz.Collector.Writing;

/// <summary>
/// Writes batches to storage; a batch the database does not take at the first try goes to the on-disk spool, and
/// so does every batch after it while the spool is not empty (they queue behind it; <see cref="SpoolReplayLoop"/>
/// drains them in order). Retrying in memory instead would hold the batch, then the queues behind it, and
/// finally drop datagrams; the spool keeps memory bounded and loses nothing until it is full (counted).
/// </summary>
internal sealed partial class FlowWriterLoop(
    IFlowBatchWriter writer,
    FlowSpool spool,
    CollectorStatistics statistics,
    TimeSpan writeTimeout,
    TimeProvider time,
    ILogger logger)
{
    private readonly LogThrottle _failureLog = new(time, TimeSpan.FromSeconds(10));

    /// <param name="input">Batches to write; the loop ends when it completes and is empty.</param>
    /// <param name="abort">Cancelled when shutdown can wait no longer for the database: batches go to the spool.</param>
    public async Task RunAsync(ChannelReader<FlowBatch> input, CancellationToken abort)
    {
        await foreach (var batch in input.ReadAllAsync(CancellationToken.None))
        {
            try
            {
                if (spool.HasPending || !await TryWriteAsync(batch, abort))
                {
                    if (spool.Append(batch.Memory.Span) != SpoolAppendResult.Spooled && abort.IsCancellationRequested)
                    {
                        LogLostOnShutdown(batch.Count); // counted by the spool as spool_full or spool_error
                    }
                }
            }
            finally
            {
                ArrayPool<FlowRecord>.Shared.Return(batch.Flows);
            }
        }
    }

    private async Task<bool> TryWriteAsync(FlowBatch batch, CancellationToken abort)
    {
        if (abort.IsCancellationRequested)
        {
            return false;
        }
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(abort);
        timeout.CancelAfter(writeTimeout);
        try
        {
            await writer.WriteAsync(batch.Memory, timeout.Token);
            statistics.BatchWritten(batch.Count);
            return true;
        }
        catch (Exception e)
        {
            // Slow (timed out: the COPY is rolled back), away, or shutting down: all go to the spool.
            statistics.WriteFailed();
            if (_failureLog.TryEnter(out var suppressed))
            {
                LogWriteFailed(e, batch.Count, suppressed);
            }
            return false;
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Writing {Count} flows to the database failed ({Suppressed} more failures since the last message); spooling them to disk")]
    private partial void LogWriteFailed(Exception exception, int count, long suppressed);

    [LoggerMessage(Level = LogLevel.Error, Message = "Shutdown could not wait for the database and the spool refused {Count} flows: they are lost")]
    private partial void LogLostOnShutdown(int count);
}
