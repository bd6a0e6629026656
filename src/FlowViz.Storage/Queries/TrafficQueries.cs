using System.Globalization;
using FlowViz.Core.Filtering;
using FlowViz.Core.Flows;
using FlowViz.Core.Queries;
using FlowViz.Storage.Filtering;
using Npgsql;

namespace FlowViz.Storage.Queries;

/// <summary>
/// <see cref="ITrafficQueries"/> over the raw <c>flows</c> table (rollups will take over long ranges later).
/// Each answer comes from one SQL statement, so its rows and its "other" share one snapshot and add up
/// exactly even while flows are being written.
/// </summary>
public sealed class TrafficQueries : ITrafficQueries
{
    /// <summary>Key and label of a row whose key column is NULL (a flow without that address).</summary>
    public const string NoneKey = "none";
    public const string NoneLabel = "(none)";

    private const int MaxLimit = 1_000;

    private readonly NpgsqlDataSource _dataSource;

    public TrafficQueries(NpgsqlDataSource dataSource) => _dataSource = dataSource;

    public Task<TrafficTotals> SummaryAsync(TimeRange range, CancellationToken cancellationToken) =>
        SummaryAsync(new SummaryQuery(range), cancellationToken);

    public async Task<TrafficTotals> SummaryAsync(SummaryQuery query, CancellationToken cancellationToken)
    {
        var filter = CompileFilter(query.Filter, firstParameter: 3);
        await using var command = _dataSource.CreateCommand($"""
            SELECT count(*),
                   coalesce(sum({TrafficSql.ScaledPackets}), 0)::bigint,
                   coalesce(sum({TrafficSql.ScaledBytes}), 0)::bigint
            FROM flows WHERE {TrafficSql.InRange}{filter.Sql}
            """);
        AddRange(command, query.Range);
        filter.AddTo(command);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        await reader.ReadAsync(cancellationToken);
        return new TrafficTotals(reader.GetInt64(0), reader.GetInt64(1), reader.GetInt64(2));
    }

    public async Task<TopResult> TopAsync(TopQuery query, CancellationToken cancellationToken)
    {
        ValidateLimit(query.Limit);
        var column = TrafficSql.ColumnOf(query.By);
        var filter = CompileFilter(query.Filter, firstParameter: 4);
        // Row 0 is everything ranked below the limit; the top rows are numbered 1..limit.
        await using var command = _dataSource.CreateCommand($"""
            WITH grouped AS (
                SELECT {column} AS k, count(*) AS flows,
                       sum({TrafficSql.ScaledPackets}) AS packets, sum({TrafficSql.ScaledBytes}) AS bytes
                FROM flows WHERE {TrafficSql.InRange}{filter.Sql}
                GROUP BY 1),
            ranked AS (
                SELECT *, row_number() OVER (ORDER BY {TrafficSql.RankColumnOf(query.OrderBy)} DESC, k NULLS LAST) AS rn
                FROM grouped)
            SELECT rn, {TrafficSql.KeyTextOf(query.By, "k")}, flows, packets::bigint, bytes::bigint
            FROM ranked WHERE rn <= $3
            UNION ALL
            SELECT 0, NULL, coalesce(sum(flows), 0)::bigint, coalesce(sum(packets), 0)::bigint, coalesce(sum(bytes), 0)::bigint
            FROM ranked WHERE rn > $3
            ORDER BY 1
            """);
        AddRange(command, query.Range);
        command.Parameters.Add(new() { Value = (long)query.Limit });
        filter.AddTo(command);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var rows = new List<TopRow>();
        var other = TrafficTotals.Zero;
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
        return new TopResult(rows, other);
    }

    public Task<SeriesResult> SeriesAsync(SeriesQuery query, CancellationToken cancellationToken) =>
        new TrafficSeriesReader(_dataSource, query).ReadAsync(cancellationToken);

    internal static void AddRange(NpgsqlCommand command, TimeRange range)
    {
        command.Parameters.Add(new() { Value = range.From.UtcDateTime });
        command.Parameters.Add(new() { Value = range.To.UtcDateTime });
    }

    /// <summary>
    /// The filter as " AND (…)" to follow <see cref="TrafficSql.InRange"/>, its parameters numbered after the
    /// query's own; empty when there is no filter.
    /// </summary>
    internal static CompiledFilter CompileFilter(FilterExpression? filter, int firstParameter)
    {
        if (filter is null)
        {
            return new CompiledFilter("", []);
        }
        var compiled = FilterSqlCompiler.Flows.Compile(filter, firstParameter);
        return compiled with { Sql = $" AND {compiled.Sql}" };
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
        _ when dimension == FlowDimension.Protocol => (key, IpProtocolNames.NameOf(int.Parse(key, CultureInfo.InvariantCulture))),
        _ => (key, key),
    };
}
