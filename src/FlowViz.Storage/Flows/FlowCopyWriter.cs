using FlowViz.Core.Flows;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace FlowViz.Storage.Flows;

/// <summary>
/// Writes flow batches with one binary COPY each, columns in <see cref="FlowColumns"/> order. A batch is
/// committed whole or not at all; failures propagate so the collector keeps the batch and retries or spools.
/// </summary>
public sealed partial class FlowCopyWriter : IFlowBatchWriter
{
    private static readonly FlowField[] Fields = FlowColumns.All.Select(column => column.Field).ToArray();

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
        try
        {
            await CopyAsync(flows, cancellationToken);
        }
        catch (PostgresException exception) when (exception.SqlState == PostgresErrorCodes.CheckViolation)
        {
            // "no partition of relation flows found for row": a time_received outside the partitions the
            // maintainer keeps ready (clock jump, maintainer not run yet). The COPY rolled back as a whole,
            // so create the batch's days and copy it again, once; a second failure goes to the caller.
            var days = await EnsurePartitionsForAsync(flows, cancellationToken);
            LogMissingPartition(days, flows.Length);
            await CopyAsync(flows, cancellationToken);
        }
    }

    private async Task CopyAsync(ReadOnlyMemory<FlowRecord> flows, CancellationToken cancellationToken)
    {
        await using var connection = await _dataSource.OpenConnectionAsync(cancellationToken);
        await using var importer = await connection.BeginBinaryImportAsync(CopyCommand, cancellationToken);
        WriteRows(importer, flows.Span);
        await importer.CompleteAsync(cancellationToken);
    }

    /// <summary>
    /// Synchronous on purpose: each value only lands in Npgsql's 8 KB buffer, which is flushed when full. Against
    /// the async per-value API this measured 20-25% more rows/s (about 175k against 140k rows/s of 29 columns on a
    /// busy 2-core machine), at the price of a thread-pool thread blocking while the socket is full; the
    /// collector runs one or two writers, so that is the better trade.
    /// </summary>
    private static void WriteRows(NpgsqlBinaryImporter importer, ReadOnlySpan<FlowRecord> flows)
    {
        foreach (ref readonly var flow in flows)
        {
            importer.StartRow();
            foreach (var field in Fields)
            {
                FlowColumnWriter.Write(importer, field, flow);
            }
        }
    }

    private async Task<int> EnsurePartitionsForAsync(ReadOnlyMemory<FlowRecord> flows, CancellationToken cancellationToken)
    {
        // Day by day rather than min…max, so one wild timestamp cannot create years of empty partitions.
        var days = new HashSet<DateOnly>();
        foreach (var flow in flows.Span)
        {
            days.Add(DateOnly.FromDateTime(FlowColumnWriter.AsUtc(flow.TimeReceived)));
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
