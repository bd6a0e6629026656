using System.Buffers;
using System.Threading.Channels;
using FlowViz.Collector.Statistics;
using FlowViz.Core.Flows;
using Microsoft.Extensions.Logging;

namespace FlowViz.Collector.Writing;

/// <summary>
/// Writes batches to storage, retrying a failed batch with exponential back-off until it is written:
/// a database that is slow or away delays flows, it does not lose them (until the queues before it fill,
/// which is counted where it happens).
/// </summary>
internal sealed partial class FlowWriterLoop(
    IFlowBatchWriter writer,
    CollectorStatistics statistics,
    TimeProvider time,
    ILogger logger)
{
    private static readonly TimeSpan FirstRetryDelay = TimeSpan.FromMilliseconds(200);
    private static readonly TimeSpan MaxRetryDelay = TimeSpan.FromSeconds(30);

    /// <param name="input">Batches to write; the loop ends when it completes and is empty.</param>
    /// <param name="abort">Cancelled when shutdown can wait no longer; what is still unwritten is logged as lost.</param>
    public async Task RunAsync(ChannelReader<FlowBatch> input, CancellationToken abort)
    {
        await foreach (var batch in input.ReadAllAsync(CancellationToken.None))
        {
            try
            {
                await WriteWithRetryAsync(batch, abort);
            }
            catch (OperationCanceledException) when (abort.IsCancellationRequested)
            {
                statistics.LostOnShutdown(batch.Count);
                LogLostOnShutdown(batch.Count);
            }
            finally
            {
                ArrayPool<FlowRecord>.Shared.Return(batch.Flows);
            }
        }
    }

    private async Task WriteWithRetryAsync(FlowBatch batch, CancellationToken abort)
    {
        var delay = FirstRetryDelay;
        while (true)
        {
            try
            {
                await writer.WriteAsync(batch.Memory, abort);
                statistics.BatchWritten(batch.Count);
                return;
            }
            catch (Exception e) when (e is not OperationCanceledException || !abort.IsCancellationRequested)
            {
                statistics.WriteFailed();
                LogWriteFailed(e, batch.Count, delay);
                await Task.Delay(delay, time, abort);
                delay = TimeSpan.FromTicks(Math.Min(delay.Ticks * 2, MaxRetryDelay.Ticks));
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Writing {Count} flows failed; retrying in {Delay}")]
    private partial void LogWriteFailed(Exception exception, int count, TimeSpan delay);

    [LoggerMessage(Level = LogLevel.Error, Message = "Shutdown could not wait for the database: {Count} flows were not written")]
    private partial void LogLostOnShutdown(int count);
}
