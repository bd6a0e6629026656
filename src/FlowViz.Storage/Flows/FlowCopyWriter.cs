using System.Buffers;
using FlowViz.Core.Flows;
using FlowViz.Storage.Rollups;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace FlowViz.Storage.Flows;

/// <summary>
/// Writes flow batches with one binary COPY each, columns in <see cref="FlowColumns"/> order, and adds the batch's
/// 1-minute rollup rows (<see cref="MinuteRollups"/>) in the same transaction. A batch and its rollups are committed
/// whole or not at all; failures propagate so the collector keeps the batch and retries or spools.
/// </summary>
public sealed partial class FlowCopyWriter : IFlowBatchWriter
{
    // Rows are encoded into this much memory before each write to the COPY stream.
    private const int ChunkBytes = 256 * 1024;

    private static readonly string CopyCommand =
        $"COPY flows ({string.Join(", ", FlowColumns.All.Select(column => column.Name))}) FROM STDIN (FORMAT BINARY)";

    private readonly NpgsqlDataSource _dataSource;
    private readonly FlowPartitionMaintainer _partitions;
    private readonly ILogger<FlowCopyWriter> _logger;

    public FlowCopyWriter(NpgsqlDataSource dataSource, FlowPartitionMaintainer partitions, ILogger<FlowCopyWriter> logger)
    {
        _dataSource = dataSource;
        _partitions = partitions;
        _logger = logger;
    }

    public async ValueTask WriteAsync(ReadOnlyMemory<FlowRecord> flows, CancellationToken cancellationToken)
    {
        if (flows.IsEmpty)
        {
            return;
        }
        // Summed before a connection is taken: CPU work that need not hold one.
        var rollups = MinuteRollups.Of(flows.Span);
        try
        {
            await CopyAsync(flows, rollups, cancellationToken);
        }
        catch (PostgresException exception) when (exception.SqlState == PostgresErrorCodes.CheckViolation)
        {
            // "no partition of relation flows found for row": a time_received outside the partitions the
            // maintainer keeps ready (clock jump, maintainer not run yet). The COPY rolled back as a whole,
            // so create the batch's days and copy it again, once; a second failure goes to the caller.
            var days = await EnsurePartitionsForAsync(flows, cancellationToken);
            LogMissingPartition(days, flows.Length);
            await CopyAsync(flows, rollups, cancellationToken);
        }
    }

    /// <summary>
    /// One transaction per batch: a raw binary COPY, rows encoded by <see cref="FlowCopyEncoder"/> into a pooled
    /// chunk and streamed (disposing the stream completes the COPY; on any failure it is cancelled first), then the
    /// rollup rows, then the commit; anything that fails before the commit rolls back both. The rollups come after
    /// the COPY so that the row locks they take on the current minute's keys, which concurrent writers share, are
    /// held only until the commit that follows at once. Measured against Npgsql's typed importer on this project's
    /// 2-core machine: see the README's ingest figures.
    /// </summary>
    private async Task CopyAsync(ReadOnlyMemory<FlowRecord> flows, MinuteRollups rollups, CancellationToken cancellationToken)
    {
        await using var connection = await _dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        var copy = await connection.BeginRawBinaryCopyAsync(CopyCommand, cancellationToken);
        var chunk = ArrayPool<byte>.Shared.Rent(ChunkBytes);
        try
        {
            FlowCopyEncoder.Header.CopyTo(chunk);
            var length = FlowCopyEncoder.Header.Length;
            for (var i = 0; i < flows.Length; i++)
            {
                if (length > ChunkBytes - FlowCopyEncoder.MaxRowLength)
                {
                    await copy.WriteAsync(chunk.AsMemory(0, length), cancellationToken);
                    length = 0;
                }
                length += FlowCopyEncoder.WriteRow(chunk.AsSpan(length), flows.Span[i]);
            }
            FlowCopyEncoder.Trailer.CopyTo(chunk.AsSpan(length));
            length += FlowCopyEncoder.Trailer.Length;
            await copy.WriteAsync(chunk.AsMemory(0, length), cancellationToken);
        }
        catch
        {
            await CancelQuietlyAsync(copy);
            throw;
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(chunk);
        }
        await copy.DisposeAsync();
        await rollups.WriteAsync(connection, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
    }

    /// <summary>Rolls the COPY back; a connection that is already broken has nothing left to roll back.</summary>
    private static async Task CancelQuietlyAsync(NpgsqlRawCopyStream copy)
    {
        try
        {
            await copy.CancelAsync();
            await copy.DisposeAsync();
        }
        catch (Exception e) when (e is NpgsqlException or IOException or InvalidOperationException or OperationCanceledException)
        {
            // The original failure is what the caller needs to see.
        }
    }

    private async Task<int> EnsurePartitionsForAsync(ReadOnlyMemory<FlowRecord> flows, CancellationToken cancellationToken)
    {
        // Day by day rather than min…max, so one wild timestamp cannot create years of empty partitions.
        var days = new HashSet<DateOnly>();
        foreach (var flow in flows.Span)
        {
            days.Add(DateOnly.FromDateTime(FlowCopyEncoder.AsUtc(flow.TimeReceived)));
        }
        foreach (var day in days)
        {
            var start = new DateTimeOffset(day.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);
            await _partitions.EnsurePartitionsAsync(start, start, cancellationToken);
        }
        return days.Count;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "A batch of {Flows} flows had times without a partition; ensured {Days} day(s) and copied again")]
    private partial void LogMissingPartition(int days, int flows);
}
