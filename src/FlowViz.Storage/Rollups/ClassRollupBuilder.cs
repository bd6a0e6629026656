using System.Data;
using FlowViz.Storage.Policies;
using Npgsql;

namespace FlowViz.Storage.Rollups;

/// <summary>
/// Keeps the class rollup (<see cref="ClassRollup"/>) equal to the interface cube under the current interface classes.
/// Two paths:
/// <list type="bullet">
/// <item><see cref="FollowAsync"/> runs inside <see cref="RollupBuilder"/>'s transaction, right after it recomputed a
/// level's buckets (new ones and those of late flows): it recomputes the same buckets' class rows from the rows just
/// written, so a level's class rows never lag its interface rows — provided the level is current (computed under the
/// classification in force) and contiguous with the interface coverage; otherwise it leaves the level to the catch-up.</item>
/// <item><see cref="CatchUpAsync"/> runs after each builder pass: a level computed under another classification (a rule
/// changed) or out of step with the interface coverage is emptied and restarted at the interface coverage's end, then
/// filled backwards, newest first (the ranges people look at), one chunk per level and transaction, until it reaches the
/// start of the interface coverage; rows older than that (retention) are dropped.</item>
/// </list>
/// Both take the builder's advisory lock (the follow-up holds it already), so they never interleave, and the planner
/// reads a level only where its state is current, in the same snapshot as the rows.
/// </summary>
public static class ClassRollupBuilder
{
    /// <summary>Buckets recomputed per level and catch-up transaction: about 100–500 k interface rows, so each stays short.</summary>
    private static TimeSpan ChunkOf(RollupResolution resolution) => resolution.Name switch
    {
        "5m" => TimeSpan.FromDays(1),
        "1h" => TimeSpan.FromDays(7),
        "6h" => TimeSpan.FromDays(28),
        "1d" => TimeSpan.FromDays(91),
        _ => TimeSpan.FromDays(364),
    };

    /// <summary>
    /// Inside the builder's transaction, after it recomputed <paramref name="ranges"/> of <paramref name="resolution"/>
    /// and moved that level's coverage end from <paramref name="previousTo"/> to <paramref name="newTo"/>.
    /// </summary>
    internal static async Task FollowAsync(
        NpgsqlConnection connection, RollupResolution resolution, IReadOnlyList<TimeInterval> ranges, DateTimeOffset previousTo,
        DateTimeOffset newTo, CancellationToken cancellationToken)
    {
        var states = await ClassRollupState.ReadAllAsync(connection, cancellationToken);
        if (!states.TryGetValue(resolution.Name, out var state) || !state.IsCurrent || state.Covered.To != previousTo)
        {
            return;
        }
        foreach (var range in ranges.Select(r => r.Clip(state.Covered.From, newTo)).Where(r => !r.IsEmpty))
        {
            await RecomputeAsync(connection, resolution, range, cancellationToken);
        }
        var to = newTo > state.Covered.To ? newTo : state.Covered.To;
        await ClassRollupState.SaveAsync(connection, resolution, state with { Covered = state.Covered with { To = to } }, cancellationToken);
    }

    /// <summary>Brings every level up to date; returns how many transactions it took (0 when there was nothing to do).</summary>
    public static async Task<int> CatchUpAsync(NpgsqlDataSource dataSource, CancellationToken cancellationToken)
    {
        var transactions = 0;
        while (true)
        {
            var (worked, more) = await StepAsync(dataSource, cancellationToken);
            transactions += worked ? 1 : 0;
            if (!more)
            {
                return transactions;
            }
        }
    }

    /// <summary>One transaction: each level reset if stale, trimmed to the interface coverage, extended back by one chunk.</summary>
    private static async Task<(bool Worked, bool More)> StepAsync(NpgsqlDataSource dataSource, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await RollupBuilder.ExecuteAsync(connection, "SELECT pg_advisory_lock($1)", cancellationToken, RollupBuilder.AdvisoryLockKey);
        try
        {
            await using var transaction = await connection.BeginTransactionAsync(IsolationLevel.RepeatableRead, cancellationToken);
            var classification = await ClassRollupState.CurrentClassificationAsync(connection, cancellationToken);
            var coverage = await RollupCoverage.ReadAsync(connection, cancellationToken);
            var states = await ClassRollupState.ReadAllAsync(connection, cancellationToken);
            var hypertables = await IsHypertableLayoutAsync(connection, cancellationToken);
            var (worked, more) = (false, false);
            foreach (var resolution in ClassRollup.Resolutions)
            {
                var covered = coverage.Of(resolution);
                if (covered == default)
                {
                    continue; // the builder never ran: nothing to derive from
                }
                var before = states.GetValueOrDefault(resolution.Name);
                var (state, levelMore) = await StepLevelAsync(connection, resolution, covered, before, classification, hypertables, cancellationToken);
                if (state != before)
                {
                    await ClassRollupState.SaveAsync(connection, resolution, state, cancellationToken);
                    worked = true;
                }
                more |= levelMore;
            }
            await transaction.CommitAsync(cancellationToken);
            return (worked, more);
        }
        finally
        {
            await RollupBuilder.ExecuteAsync(connection, "SELECT pg_advisory_unlock($1)", CancellationToken.None, RollupBuilder.AdvisoryLockKey);
        }
    }

    /// <summary>One level's step: reset when stale, trimmed to <paramref name="covered"/>'s start, one chunk further back.</summary>
    private static async Task<(ClassRollupState State, bool More)> StepLevelAsync(
        NpgsqlConnection connection, RollupResolution resolution, TimeInterval covered, ClassRollupState? state, string classification,
        bool hypertables, CancellationToken cancellationToken)
    {
        var table = ClassRollup.Cube.TableName(resolution);
        if (state is null || !state.IsCurrent || state.Covered.To != covered.To)
        {
            // Rows of another classification (or of an interval the follow-up missed): start again from the newest end.
            await RollupBuilder.ExecuteAsync(connection, $"DELETE FROM {table}", cancellationToken);
            state = new ClassRollupState(classification, new TimeInterval(covered.To, covered.To), IsCurrent: true);
        }
        if (state.Covered.From < covered.From)
        {
            await DropBeforeAsync(connection, table, covered.From, hypertables, cancellationToken);
            state = state with { Covered = state.Covered with { From = covered.From } };
        }
        if (state.Covered.From <= covered.From)
        {
            return (state, false);
        }
        var chunkStart = state.Covered.From - ChunkOf(resolution);
        var from = chunkStart > covered.From ? chunkStart : covered.From;
        await RecomputeAsync(connection, resolution, new TimeInterval(from, state.Covered.From), cancellationToken);
        return (state with { Covered = state.Covered with { From = from } }, from > covered.From);
    }

    private static async Task RecomputeAsync(NpgsqlConnection connection, RollupResolution resolution, TimeInterval range, CancellationToken cancellationToken)
    {
        await RollupBuilder.ExecuteAsync(connection, RollupSql.Delete(ClassRollup.Cube.TableName(resolution)), cancellationToken, range.From, range.To);
        await RollupBuilder.ExecuteAsync(connection, ClassRollup.InsertFromInterfaces(resolution), cancellationToken, range.From, range.To);
    }

    /// <summary>Retention, as <see cref="RollupRetention"/> does it: whole chunks on TimescaleDB, rows on plain PostgreSQL.</summary>
    private static async Task DropBeforeAsync(
        NpgsqlConnection connection, string table, DateTimeOffset horizon, bool hypertables, CancellationToken cancellationToken)
    {
        // A chunk straddling the horizon keeps its older rows until it is wholly past it, as in the other cubes: outside
        // the coverage, so never read.
        if (hypertables)
        {
            await RollupBuilder.ExecuteAsync(connection, "SELECT count(*) FROM drop_chunks($1::regclass, older_than => $2::timestamptz)",
                cancellationToken, table, horizon);
        }
        else
        {
            await RollupBuilder.ExecuteAsync(connection, $"DELETE FROM {table} WHERE bucket < $1", cancellationToken, horizon);
        }
    }

    private static async Task<bool> IsHypertableLayoutAsync(NpgsqlConnection connection, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand("SELECT value FROM flowviz_settings WHERE key = 'flows_layout'", connection);
        return await command.ExecuteScalarAsync(cancellationToken) as string == FlowsLayout.Hypertable;
    }
}
