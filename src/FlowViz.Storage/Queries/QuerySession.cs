using Npgsql;

namespace FlowViz.Storage.Queries;

/// <summary>
/// The settings every traffic answer runs with, as SET LOCAL in a repeatable-read transaction of its own (so they end with
/// it, whatever the pool does with the connection afterwards; the answer and its interface-name lookup also share one
/// snapshot). Measured reason (tests/FlowViz.Benchmarks --rollup-queries --explain, db-migrations/README.md "Six hours
/// and weeks"): once a query unions several rollup segments, PostgreSQL plans it parallel, and on a busy 2-core server
/// the Gather waited ~260 ms for workers that did 9 ms of work each; a dashboard sends several answers at once, so
/// parallel workers only compete with each other. work_mem: the 24-hour AS series' hash aggregate spilled 5 batches to
/// disk at the default 4 MB; 32 MB keeps the dashboards' aggregates in memory (per answer, not per connection).
/// </summary>
internal static class QuerySession
{
    private const string Settings = "SET LOCAL max_parallel_workers_per_gather = 0; SET LOCAL work_mem = '32MB'";

    public static async Task<NpgsqlTransaction> BeginAsync(NpgsqlConnection connection, CancellationToken cancellationToken)
    {
        var transaction = await connection.BeginTransactionAsync(System.Data.IsolationLevel.RepeatableRead, cancellationToken);
        await using var command = new NpgsqlCommand(Settings, connection, transaction);
        await command.ExecuteNonQueryAsync(cancellationToken);
        return transaction;
    }
}
