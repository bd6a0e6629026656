using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Npgsql;

namespace FlowViz.Storage.Rollups;

/// <summary>
/// Completes the 1-minute cubes from the raw flows for the configured <see cref="FlowVizStorageOptions.RollupMinuteRetention"/>.
/// db-migrations/0011 moved the minute rollups into the flow writer and computed the minutes not yet rolled up from the
/// stored flows, but a migration cannot read the configuration: on a database whose builder never ran it took the last
/// 7 days (the default retention), so an upgrading user with a longer retention had no minute rows for the older flows.
/// The host runs this once at start-up, after the migrations and before the collector and the builder start.
/// <para>
/// What it fills: the minutes from the hour of <c>now - RollupMinuteRetention</c> (where the builder will start, see
/// RollupBuilder.StartAsync) up to the first minute that already has rows. Every flow is in every cube, so the
/// minutes below the first row of the counting cube have no rows in any cube, and above it the writer and 0011 keep
/// the rows complete. Idempotent: once filled, the first row is the first minute holding flows and the range is empty
/// (an index probe). Exact under concurrent writers of other instances: the six minute tables are locked against
/// writes first, so a writer that committed is counted here from its flows, and one that has not yet added its sums
/// (its flows invisible here) adds them after this commits.
/// </para>
/// When the builder already covers minutes (a watermark exists) the filled minutes lie below its coverage; its
/// 1-minute coverage is lowered to the filled start only if nothing was there before, so it claims only complete minutes.
/// </summary>
public sealed partial class MinuteRollupBackfill
{
    private static readonly string LockMinuteTables =
        $"LOCK TABLE {string.Join(", ", RollupCubes.All.Select(c => c.TableName(RollupResolution.Minute)))} IN SHARE ROW EXCLUSIVE MODE";

    private readonly NpgsqlDataSource _dataSource;
    private readonly FlowVizStorageOptions _options;
    private readonly TimeProvider _time;
    private readonly ILogger<MinuteRollupBackfill> _logger;

    public MinuteRollupBackfill(
        NpgsqlDataSource dataSource, IOptions<FlowVizStorageOptions> options, TimeProvider time, ILogger<MinuteRollupBackfill> logger)
    {
        _dataSource = dataSource;
        _options = options.Value;
        _time = time;
        _logger = logger;
    }

    /// <summary>Fills the missing minutes; returns how many minute rows it inserted over all cubes (0: nothing was missing).</summary>
    public async Task<long> RunAsync(CancellationToken cancellationToken = default)
    {
        _options.ValidatePolicies();
        var since = RollupResolution.Hour.Floor(_time.GetUtcNow() - _options.RollupMinuteRetention);
        await using var connection = await _dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await RollupBuilder.ExecuteAsync(connection, LockMinuteTables, cancellationToken);
        var firstRow = await ScalarTimeAsync(connection, RollupSql.FirstMinute, cancellationToken, since.UtcDateTime, DateTime.MaxValue);
        var until = firstRow ?? DateTimeOffset.MaxValue;
        if (until <= since || !await AnyFlowsAsync(connection, since, until, cancellationToken))
        {
            return 0;
        }
        var rows = 0L;
        foreach (var cube in RollupCubes.All)
        {
            rows += await ExecuteCountAsync(connection, MinuteRowsFromFlows(cube), cancellationToken, since.UtcDateTime, Upper(until));
        }
        await LowerMinuteCoverageAsync(connection, since, until, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        LogFilled(since, firstRow, rows);
        return rows;
    }

    /// <summary>
    /// A cube's minute rows from the raw flows of [$1, $2), as the writer sums them (MinuteTotals) and as 0011 computed
    /// them: packets and bytes times greatest(sampling_rate, 1); the local host is the local end of the flow.
    /// </summary>
    internal static string MinuteRowsFromFlows(RollupCube cube)
    {
        var names = string.Join(", ", cube.Columns.Select(c => c.Name));
        var expressions = string.Join(", ", cube.Columns.Select(c =>
            c.Field == RollupField.LocalHost ? Queries.DimensionSql.LocalHostFromFlows : c.Name));
        var ordinals = string.Join(", ", Enumerable.Range(1, cube.Columns.Count + 2));
        return $"""
            INSERT INTO {cube.TableName(RollupResolution.Minute)} (bucket, traffic_direction, {names}, flows, packets, bytes)
            SELECT date_bin('1 minute', time_received, {RollupSql.Epoch}), traffic_direction, {expressions}, count(*),
                   sum(packets * greatest(sampling_rate, 1)), sum(bytes * greatest(sampling_rate, 1))
            FROM flows WHERE time_received >= $1 AND time_received < $2
            GROUP BY {ordinals}
            """;
    }

    private static async Task<bool> AnyFlowsAsync(NpgsqlConnection connection, DateTimeOffset from, DateTimeOffset to, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand("SELECT EXISTS (SELECT 1 FROM flows WHERE time_received >= $1 AND time_received < $2)", connection);
        command.Parameters.Add(new NpgsqlParameter { Value = from.UtcDateTime });
        command.Parameters.Add(new NpgsqlParameter { Value = Upper(to) });
        return (bool)(await command.ExecuteScalarAsync(cancellationToken))!;
    }

    /// <summary>
    /// With a watermark, the builder's 1-minute coverage starts at its first pass; the filled minutes below it are
    /// complete now, and so is the whole of [since, covered_from) when the first row was at or above covered_from.
    /// </summary>
    private static async Task LowerMinuteCoverageAsync(
        NpgsqlConnection connection, DateTimeOffset since, DateTimeOffset until, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand("""
            UPDATE rollup_state SET covered_from = $1
            WHERE resolution = '1m' AND covered_from > $1 AND covered_from <= $2
            """, connection);
        command.Parameters.Add(new NpgsqlParameter { Value = since.UtcDateTime });
        command.Parameters.Add(new NpgsqlParameter { Value = Upper(until) });
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    private static async Task<DateTimeOffset?> ScalarTimeAsync(NpgsqlConnection connection, string sql, CancellationToken cancellationToken, params object[] values)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        foreach (var value in values)
        {
            command.Parameters.Add(new NpgsqlParameter { Value = value });
        }
        return await command.ExecuteScalarAsync(cancellationToken) is DateTime time
            ? new DateTimeOffset(DateTime.SpecifyKind(time, DateTimeKind.Utc))
            : null;
    }

    private static async Task<long> ExecuteCountAsync(NpgsqlConnection connection, string sql, CancellationToken cancellationToken, params object[] values)
    {
        // A long catch-up is expected on a large database: no timeout.
        await using var command = new NpgsqlCommand(sql, connection) { CommandTimeout = 0 };
        foreach (var value in values)
        {
            command.Parameters.Add(new NpgsqlParameter { Value = value });
        }
        return await command.ExecuteNonQueryAsync(cancellationToken);
    }

    private static DateTime Upper(DateTimeOffset time) => time == DateTimeOffset.MaxValue ? DateTime.MaxValue : time.UtcDateTime;

    [LoggerMessage(Level = LogLevel.Information,
        Message = "Minute rollups completed from the raw flows for the configured retention, from {Since:u} up to the first minute already rolled up ({Until:u}; none: all): {Rows} rows")]
    private partial void LogFilled(DateTimeOffset since, DateTimeOffset? until, long rows);
}
