using FlowViz.Core.Filtering;
using FlowViz.Core.Queries;
using FlowViz.Storage.Rollups;
using Npgsql;

namespace FlowViz.Storage.Queries;

/// <summary>
/// <see cref="ITrafficQueries"/> over the rollups and the raw <c>flows</c> table: <see cref="QueryPlanner"/> answers
/// each part of a range from the coarsest table that holds it exactly, raw flows only where no rollup can.
/// Each answer comes from one SQL statement, so its rows and its "other" share one snapshot and add up
/// exactly even while flows are being written and rollups built. Interface rows and series then get their names and
/// descriptions from known_interfaces (a second, small lookup: names are labels, not numbers).
/// </summary>
public sealed class TrafficQueries : ITrafficQueries
{
    /// <summary>Key and label of a row whose key column is NULL (a flow without that address, an unclassified interface).</summary>
    public const string NoneKey = "none";
    public const string NoneLabel = "(none)";

    private const int MaxLimit = 1_000;

    private readonly NpgsqlDataSource _dataSource;
    private readonly bool _useRollups;

    /// <param name="dataSource">The database.</param>
    /// <param name="useRollups">False reads only the raw flows (tests compare both answers).</param>
    public TrafficQueries(NpgsqlDataSource dataSource, bool useRollups = true)
    {
        _dataSource = dataSource;
        _useRollups = useRollups;
    }

    public Task<TrafficTotals> SummaryAsync(TimeRange range, CancellationToken cancellationToken) =>
        SummaryAsync(new SummaryQuery(range), cancellationToken);

    public async Task<TrafficTotals> SummaryAsync(SummaryQuery query, CancellationToken cancellationToken)
    {
        await using var connection = await _dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await QuerySession.BeginAsync(connection, cancellationToken);
        var segments = await PlanAsync(connection, query.Range, [], query.Filter, null, cancellationToken);
        var parameters = new SqlParameters();
        var union = SegmentUnion.Sql(segments, null, query.Filter, parameters);
        await using var command = new NpgsqlCommand($"""
            SELECT coalesce(sum(flows), 0)::bigint, coalesce(sum(packets), 0)::bigint, coalesce(sum(bytes), 0)::bigint
            FROM ({union}) src
            """, connection);
        parameters.AddTo(command);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        await reader.ReadAsync(cancellationToken);
        return new TrafficTotals(reader.GetInt64(0), reader.GetInt64(1), reader.GetInt64(2));
    }

    public async Task<TopResult> TopAsync(TopQuery query, CancellationToken cancellationToken)
    {
        ValidateLimit(query.Limit);
        await using var connection = await _dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await QuerySession.BeginAsync(connection, cancellationToken);
        var segments = await PlanAsync(connection, query.Range, [query.By], query.Filter, null, cancellationToken);
        var parameters = new SqlParameters();
        var union = SegmentUnion.Sql(segments, query.By, query.Filter, parameters);
        var limit = parameters.Add((long)query.Limit);
        // Row 0 is everything ranked below the limit; the top rows are numbered 1..limit.
        await using var command = new NpgsqlCommand($"""
            WITH grouped AS (
                SELECT k, sum(flows) AS flows, sum(packets) AS packets, sum(bytes) AS bytes
                FROM ({union}) src
                GROUP BY 1),
            ranked AS (
                SELECT *, row_number() OVER (ORDER BY {TrafficSql.RankColumnOf(query.OrderBy)} DESC, k NULLS LAST) AS rn
                FROM grouped)
            SELECT rn, {DimensionSql.KeyTextOf(query.By, "k")}, flows::bigint, packets::bigint, bytes::bigint
            FROM ranked WHERE rn <= {limit}
            UNION ALL
            SELECT 0, NULL, coalesce(sum(flows), 0)::bigint, coalesce(sum(packets), 0)::bigint, coalesce(sum(bytes), 0)::bigint
            FROM ranked WHERE rn > {limit}
            ORDER BY 1
            """, connection);
        parameters.AddTo(command);
        var rows = new List<TopRow>();
        var other = TrafficTotals.Zero;
        await using (var reader = await command.ExecuteReaderAsync(cancellationToken))
        {
            while (await reader.ReadAsync(cancellationToken))
            {
                var totals = new TrafficTotals(reader.GetInt64(2), reader.GetInt64(3), reader.GetInt64(4));
                if (reader.GetInt64(0) == 0)
                {
                    other = totals;
                    continue;
                }
                var (key, label) = KeyAndLabel(query.By, reader.IsDBNull(1) ? null : reader.GetString(1));
                rows.Add(new TopRow(key, label, totals.Flows, totals.Packets, totals.Bytes));
            }
        }
        if (IsInterface(query.By))
        {
            var names = await InterfaceClassLookup.DescribeAsync(connection, rows.Select(row => row.Key), cancellationToken);
            rows = [.. rows.Select(row => names.TryGetValue(row.Key, out var found)
                ? row with { InterfaceName = found.Name, InterfaceDescription = found.Description }
                : row)];
        }
        return new TopResult(rows, other);
    }

    public async Task<SeriesResult> SeriesAsync(SeriesQuery query, CancellationToken cancellationToken)
    {
        var reader = new TrafficSeriesReader(query);
        await using var connection = await _dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await QuerySession.BeginAsync(connection, cancellationToken);
        var segments = await PlanAsync(connection, query.Range, [query.By], query.Filter, query.StepSeconds, cancellationToken);
        var result = await reader.ReadAsync(connection, segments, cancellationToken);
        if (!IsInterface(query.By))
        {
            return result;
        }
        var names = await InterfaceClassLookup.DescribeAsync(connection, result.Series.Select(series => series.Key), cancellationToken);
        return result with
        {
            Series = [.. result.Series.Select(series => names.TryGetValue(series.Key, out var found)
                ? series with { InterfaceName = found.Name, InterfaceDescription = found.Description }
                : series)],
        };
    }

    /// <summary>Rows of these dimensions are interfaces, named from known_interfaces (db-migrations/0006).</summary>
    private static bool IsInterface(FlowDimension dimension) =>
        dimension is FlowDimension.InputInterface or FlowDimension.OutputInterface;

    /// <summary>
    /// The tables and intervals that would answer a query grouping by <paramref name="by"/> (null: totals) with
    /// <paramref name="filter"/> at <paramref name="stepSeconds"/> (null: not a series). For tests and diagnostics.
    /// </summary>
    public async Task<IReadOnlyList<QuerySegment>> PlanAsync(
        TimeRange range, FlowDimension? by, FilterExpression? filter, int? stepSeconds, CancellationToken cancellationToken)
    {
        await using var connection = await _dataSource.OpenConnectionAsync(cancellationToken);
        return await PlanAsync(connection, range, by is { } dimension ? [dimension] : [], filter, stepSeconds, cancellationToken);
    }

    private async Task<IReadOnlyList<QuerySegment>> PlanAsync(
        NpgsqlConnection connection, TimeRange range, FlowDimension[] dimensions, FilterExpression? filter, int? stepSeconds,
        CancellationToken cancellationToken)
    {
        var coverage = _useRollups ? await RollupCoverage.ReadAsync(connection, cancellationToken) : RollupCoverage.None;
        if (_useRollups && ClassRollupPlanner.Answers(dimensions, filter))
        {
            var classes = await ClassRollupPlanner.CurrentCoverageAsync(connection, cancellationToken);
            return ClassRollupPlanner.Plan(range, dimensions, filter, stepSeconds, coverage, classes);
        }
        return QueryPlanner.Plan(range, dimensions, filter, stepSeconds, coverage);
    }

    internal static void ValidateLimit(int limit)
    {
        if (limit is < 0 or > MaxLimit)
        {
            throw new ArgumentOutOfRangeException(nameof(limit), limit, $"The limit must be between 0 and {MaxLimit}.");
        }
    }

    internal static (string Key, string Label) KeyAndLabel(FlowDimension dimension, string? key) => key switch
    {
        null => (NoneKey, NoneLabel),
        _ => (key, DimensionLabels.LabelOf(dimension, key)),
    };
}
