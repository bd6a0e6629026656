using System.Data;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Npgsql;

namespace FlowViz.Storage.Rollups;

/// <summary>
/// Builds the coarser rollups from the 1-minute cubes, which the flow writer fills in the transaction of each batch
/// (<see cref="MinuteRollups"/>). A pass marks every closed 1-minute bucket past the watermark as covered (a bucket is
/// closed once it ended <see cref="FlowVizStorageOptions.RollupSettleDelay"/> ago), finds the minutes within
/// <see cref="FlowVizStorageOptions.RollupLateFlowLag"/> whose flow count changed since they were rolled up (late flows,
/// e.g. a spool replay: the writer added them to the minute rows already), then recomputes the 5-minute buckets those
/// minutes touch or complete from the 1-minute rows, the hours from the 5-minute rows, the 6-hour buckets from the hours,
/// the days from those and the weeks from the days (<see cref="RollupResolution.All"/>). Each
/// step deletes its buckets and inserts them again in one REPEATABLE READ transaction that also moves the watermarks, so
/// a bucket computed twice gives the same rows, every statement sees the same minute rows, and a query never sees half
/// a bucket. It never reads the raw flows. A session advisory lock keeps two FlowViz instances on one database from
/// building at once.
/// </summary>
public sealed partial class RollupBuilder
{
    // Catching up after a stop proceeds an hour of minutes per transaction, so each stays short.
    private static readonly TimeSpan MaxNewPerTransaction = TimeSpan.FromHours(1);
    internal const long AdvisoryLockKey = 0x466C_6F77_526F_6C6C; // "FlowRoll"; also taken by ClassRollupBuilder

    private readonly NpgsqlDataSource _dataSource;
    private readonly FlowVizStorageOptions _options;
    private readonly TimeProvider _time;
    private readonly RollupProgress _progress;
    private readonly ILogger<RollupBuilder> _logger;

    public RollupBuilder(
        NpgsqlDataSource dataSource, IOptions<FlowVizStorageOptions> options, TimeProvider time, RollupProgress progress, ILogger<RollupBuilder> logger)
    {
        _dataSource = dataSource;
        _options = options.Value;
        _time = time;
        _progress = progress;
        _logger = logger;
    }

    /// <summary>Runs one pass until the rollups reach the last closed minute; returns how many 1-minute buckets were computed.</summary>
    public async Task<int> RunOnceAsync(CancellationToken cancellationToken)
    {
        var closedEnd = RollupResolution.Minute.Floor(_time.GetUtcNow() - _options.RollupSettleDelay);
        var computed = 0;
        var checkLate = true;
        while (true)
        {
            var step = await RunTransactionAsync(closedEnd, checkLate, cancellationToken);
            computed += step.Minutes;
            checkLate = false;
            _progress.Completed(step.Watermark, _time.GetUtcNow());
            if (step.Watermark >= closedEnd)
            {
                await ClassRollupBuilder.CatchUpAsync(_dataSource, cancellationToken);
                return computed;
            }
        }
    }

    private async Task<(int Minutes, DateTimeOffset Watermark)> RunTransactionAsync(
        DateTimeOffset closedEnd, bool checkLate, CancellationToken cancellationToken)
    {
        await using var connection = await _dataSource.OpenConnectionAsync(cancellationToken);
        await ExecuteAsync(connection, "SELECT pg_advisory_lock($1)", cancellationToken, AdvisoryLockKey);
        try
        {
            await using var transaction = await connection.BeginTransactionAsync(IsolationLevel.RepeatableRead, cancellationToken);
            var coverage = await RollupCoverage.ReadAsync(connection, cancellationToken);
            var minute = coverage.Of(RollupResolution.Minute);
            if (minute == default)
            {
                var start = await StartAsync(connection, closedEnd, cancellationToken);
                minute = new TimeInterval(start, start);
                coverage = new RollupCoverage(RollupResolution.All.ToDictionary(r => r.Name, _ => minute));
            }
            var newTo = minute.To >= closedEnd ? minute.To : Min(closedEnd, minute.To + MaxNewPerTransaction);
            var dirty = new List<TimeInterval> { new(minute.To, newTo) };
            if (checkLate)
            {
                var lateFrom = Max(minute.From, closedEnd - _options.RollupLateFlowLag);
                dirty.AddRange(await ChangedMinutesAsync(connection, new TimeInterval(lateFrom, minute.To), cancellationToken));
            }
            var minuteRanges = TimeInterval.Merge(dirty);
            var minutes = 0;
            foreach (var range in minuteRanges)
            {
                await RecordMinuteCountsAsync(connection, range, cancellationToken);
                minutes += (int)((range.To - range.From) / RollupResolution.Minute.Width);
            }
            minute = minute with { To = newTo };
            await SaveAsync(connection, RollupResolution.Minute, minute, cancellationToken);
            await RollUpCoarserAsync(connection, coverage, minute, minuteRanges, cancellationToken);
            await transaction.CommitAsync(cancellationToken);
            if (minutes > 0)
            {
                LogPass(minutes, minuteRanges.Count, newTo);
            }
            return (minutes, newTo);
        }
        finally
        {
            await ExecuteAsync(connection, "SELECT pg_advisory_unlock($1)", CancellationToken.None, AdvisoryLockKey);
        }
    }

    /// <summary>
    /// Each resolution of <see cref="RollupResolution.All"/> from the one before it (5 minutes from 1 minute, …, 1 week
    /// from 1 day): the buckets the finer ranges touched, and
    /// those newly complete.
    /// </summary>
    private static async Task RollUpCoarserAsync(
        NpgsqlConnection connection, RollupCoverage coverage, TimeInterval finer, List<TimeInterval> finerRanges, CancellationToken cancellationToken)
    {
        var finerResolution = RollupResolution.Minute;
        foreach (var resolution in RollupResolution.All.Skip(1))
        {
            var current = coverage.Of(resolution);
            var low = Max(current.From, resolution.Ceiling(finer.From));
            var newTo = resolution.Floor(finer.To);
            if (current.To < low)
            {
                // The finer rows below `low` are gone (retention after a long stop): coverage restarts at `low`.
                current = new TimeInterval(low, low);
            }
            var previousTo = current.To;
            var ranges = TimeInterval.Merge(finerRanges.Select(r => r.Widen(resolution))
                .Append(new TimeInterval(current.To, newTo))
                .Select(r => r.Clip(low, newTo)));
            foreach (var range in ranges)
            {
                foreach (var cube in RollupCubes.All)
                {
                    await ExecuteAsync(connection, RollupSql.Delete(cube.TableName(resolution)), cancellationToken, range.From, range.To);
                    await ExecuteAsync(connection, RollupSql.InsertFromFiner(cube, resolution, finerResolution), cancellationToken,
                        range.From, range.To, resolution.Width);
                }
            }
            current = current with { To = newTo > current.To ? newTo : current.To };
            await SaveAsync(connection, resolution, current, cancellationToken);
            await ClassRollupBuilder.FollowAsync(connection, resolution, ranges, previousTo, current.To, cancellationToken);
            finer = current;
            finerRanges = ranges;
            finerResolution = resolution;
        }
    }

    /// <summary>Records the flow count of each minute of <paramref name="range"/>: what its coarser buckets are computed from now.</summary>
    private static async Task RecordMinuteCountsAsync(NpgsqlConnection connection, TimeInterval range, CancellationToken cancellationToken)
    {
        await ExecuteAsync(connection, RollupSql.DeleteMinuteCounts, cancellationToken, range.From, range.To);
        await ExecuteAsync(connection, RollupSql.InsertMinuteCounts, cancellationToken, range.From, range.To);
    }

    private static async Task<List<TimeInterval>> ChangedMinutesAsync(NpgsqlConnection connection, TimeInterval window, CancellationToken cancellationToken)
    {
        var changed = new List<TimeInterval>();
        if (window.IsEmpty)
        {
            return changed;
        }
        await using var command = new NpgsqlCommand(RollupSql.ChangedMinutes, connection);
        AddParameters(command, window.From, window.To);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            var bucket = reader.GetFieldValue<DateTimeOffset>(0);
            changed.Add(new TimeInterval(bucket, bucket + RollupResolution.Minute.Width));
        }
        return changed;
    }

    /// <summary>
    /// Where a fresh database starts rolling up: the hour holding the first minute row within the 1-minute retention (an
    /// hour boundary, so the sub-hour resolutions start aligned; 6-hour buckets, days and weeks start at the first whole one), or the current hour
    /// when there is none.
    /// </summary>
    private async Task<DateTimeOffset> StartAsync(NpgsqlConnection connection, DateTimeOffset closedEnd, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(RollupSql.FirstMinute, connection);
        AddParameters(command, closedEnd - _options.RollupMinuteRetention, closedEnd);
        var oldest = await command.ExecuteScalarAsync(cancellationToken) is DateTime time
            ? new DateTimeOffset(DateTime.SpecifyKind(time, DateTimeKind.Utc))
            : closedEnd;
        return RollupResolution.Hour.Floor(oldest);
    }

    internal static async Task SaveAsync(NpgsqlConnection connection, RollupResolution resolution, TimeInterval covered, CancellationToken cancellationToken) =>
        await ExecuteAsync(connection, """
            INSERT INTO rollup_state (resolution, covered_from, covered_to) VALUES ($1, $2, $3)
            ON CONFLICT (resolution) DO UPDATE SET covered_from = excluded.covered_from, covered_to = excluded.covered_to
            """, cancellationToken, resolution.Name, covered.From, covered.To);

    internal static async Task ExecuteAsync(NpgsqlConnection connection, string sql, CancellationToken cancellationToken, params object[] values)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        AddParameters(command, values);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    private static void AddParameters(NpgsqlCommand command, params object[] values)
    {
        foreach (var value in values)
        {
            command.Parameters.Add(new NpgsqlParameter { Value = value is DateTimeOffset time ? time.UtcDateTime : value });
        }
    }

    private static DateTimeOffset Min(DateTimeOffset a, DateTimeOffset b) => a < b ? a : b;

    private static DateTimeOffset Max(DateTimeOffset a, DateTimeOffset b) => a > b ? a : b;

    [LoggerMessage(Level = LogLevel.Debug, Message = "Rolled up {Minutes} minute(s) in {Ranges} range(s); 1-minute watermark {Watermark:u}")]
    private partial void LogPass(int minutes, int ranges, DateTimeOffset watermark);
}
