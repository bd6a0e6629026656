using System.Buffers;
using FlowViz.Collector.Statistics;
using FlowViz.Collector.Writing;
using FlowViz.Core.Flows;
using Microsoft.Extensions.Logging;

namespace FlowViz.Collector.Spooling;

/// <summary>
/// Drains the spool to the database, oldest batch first, one at a time (so memory stays one batch). A failed
/// write is the probe: the same oldest batch is tried again after an exponential back-off, and the spool moves on
/// only once its COPY committed.
/// </summary>
internal sealed partial class SpoolReplayLoop(
    FlowSpool spool,
    IFlowBatchWriter writer,
    CollectorStatistics statistics,
    TimeSpan writeTimeout,
    TimeProvider time,
    ILogger logger)
{
    private static readonly TimeSpan FirstRetryDelay = TimeSpan.FromMilliseconds(200);
    private static readonly TimeSpan MaxRetryDelay = TimeSpan.FromSeconds(10);

    /// <param name="stop">Cancelled at shutdown: finish the batch being written, then stop (the rest stays spooled).</param>
    /// <param name="abort">Cancelled when shutdown can wait no longer: give up the batch being written (it stays spooled).</param>
    public async Task RunAsync(CancellationToken stop, CancellationToken abort)
    {
        var delay = FirstRetryDelay;
        while (!stop.IsCancellationRequested)
        {
            try
            {
                if (!spool.TryReadOldest(out var batch))
                {
                    await spool.WaitForAppendAsync(stop);
                    continue;
                }
                try
                {
                    await WriteAsync(batch, abort);
                    spool.Acknowledge(batch.Next);
                    statistics.BatchWritten(batch.Count);
                    statistics.Replayed(batch.Count);
                    delay = FirstRetryDelay;
                }
                finally
                {
                    ArrayPool<FlowRecord>.Shared.Return(batch.Flows);
                }
            }
            catch (OperationCanceledException) when (stop.IsCancellationRequested || abort.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e)
            {
                // The database (or the spool's disk) still fails: wait, then probe again with the same oldest batch.
                statistics.WriteFailed();
                LogReplayFailed(e, delay);
                try
                {
                    await Task.Delay(delay, time, stop);
                }
                catch (OperationCanceledException)
                {
                    return;
                }
                delay = TimeSpan.FromTicks(Math.Min(delay.Ticks * 2, MaxRetryDelay.Ticks));
            }
        }
    }

    private async Task WriteAsync(SpooledBatch batch, CancellationToken abort)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(abort);
        timeout.CancelAfter(writeTimeout);
        await writer.WriteAsync(batch.Memory, timeout.Token);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Replaying the spool to the database failed; trying the same batch again in {Delay}")]
    private partial void LogReplayFailed(Exception exception, TimeSpan delay);
}
