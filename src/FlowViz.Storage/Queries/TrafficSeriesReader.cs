using FlowViz.Core.Queries;
using Npgsql;

namespace FlowViz.Storage.Queries;

/// <summary>
/// One series query: buckets are [k·step, (k+1)·step) in Unix seconds, so they line up across queries and
/// pages; every bucket from the one holding <c>From</c> to the one before <c>To</c> is present, zero when
/// empty. A point's rate is the bucket's sum divided by the step (a partial first or last bucket is still
/// divided by the whole step, so a graph edge may dip). Keys are ranked over the whole range by the
/// query's metric; the rest is summed into the "other" series, which is left out when it is zero throughout.
/// </summary>
internal sealed class TrafficSeriesReader
{
    private const int MaxBuckets = 10_000;

    private readonly NpgsqlDataSource _dataSource;
    private readonly SeriesQuery _query;
    private readonly long _firstBucket;
    private readonly int _bucketCount;

    public TrafficSeriesReader(NpgsqlDataSource dataSource, SeriesQuery query)
    {
        if (query.StepSeconds <= 0)
        {
            throw new ArgumentOutOfRangeException(nameof(query), query.StepSeconds, "The step must be at least one second.");
        }
        TrafficQueries.ValidateLimit(query.Limit);
        _dataSource = dataSource;
        _query = query;
        _firstBucket = FloorToStep(query.Range.From.ToUnixTimeMilliseconds());
        var end = query.Range.To.ToUnixTimeMilliseconds();
        var stepMilliseconds = query.StepSeconds * 1000L;
        var count = (end - _firstBucket * stepMilliseconds + stepMilliseconds - 1) / stepMilliseconds;
        if (count > MaxBuckets)
        {
            throw new ArgumentOutOfRangeException(nameof(query), count, $"The range holds more than {MaxBuckets} steps; use a larger step.");
        }
        _bucketCount = (int)count;
    }

    public async Task<SeriesResult> ReadAsync(CancellationToken cancellationToken)
    {
        var column = TrafficSql.ColumnOf(_query.By);
        var filter = TrafficQueries.CompileFilter(_query.Filter, firstParameter: 5);
        // dense_rank over (key total, key) gives every row of a key the same rank without joining back.
        await using var command = _dataSource.CreateCommand($"""
            WITH buckets AS (
                SELECT {column} AS k, floor(extract(epoch FROM time_received) / $3)::bigint * $3 AS bucket,
                       sum({TrafficSql.AmountOf(_query.Metric)}) AS amount
                FROM flows WHERE {TrafficSql.InRange}{filter.Sql}
                GROUP BY 1, 2),
            ranked AS (
                SELECT k, bucket, amount, dense_rank() OVER (ORDER BY key_total DESC, k NULLS LAST) AS rn
                FROM (SELECT *, sum(amount) OVER (PARTITION BY k) AS key_total FROM buckets) totals)
            SELECT CASE WHEN rn <= $4 THEN rn ELSE 0 END,
                   CASE WHEN rn <= $4 THEN {TrafficSql.KeyTextOf(_query.By, "k")} END,
                   bucket, sum(amount)::float8
            FROM ranked GROUP BY 1, 2, 3
            """);
        TrafficQueries.AddRange(command, _query.Range);
        command.Parameters.Add(new() { Value = (long)_query.StepSeconds });
        command.Parameters.Add(new() { Value = (long)_query.Limit });
        filter.AddTo(command);
        var top = new SortedDictionary<long, (string? Key, double[] Sums)>();
        var other = new double[_bucketCount];
        await using (var reader = await command.ExecuteReaderAsync(cancellationToken))
        {
            while (await reader.ReadAsync(cancellationToken))
            {
                var rank = reader.GetInt64(0);
                var sums = rank == 0 ? other : SumsOf(top, rank, reader.IsDBNull(1) ? null : reader.GetString(1));
                sums[IndexOf(reader.GetInt64(2))] += reader.GetDouble(3);
            }
        }
        var series = top.Values.Select(entry => ToSeries(entry.Key, entry.Sums)).ToList();
        if (other.Any(sum => sum != 0))
        {
            series.Add(new TrafficSeries(TrafficSeries.OtherKey, "Other", ToPoints(other)));
        }
        return new SeriesResult(_query.StepSeconds, series);
    }

    private double[] SumsOf(SortedDictionary<long, (string? Key, double[] Sums)> top, long rank, string? key)
    {
        if (!top.TryGetValue(rank, out var entry))
        {
            entry = (key, new double[_bucketCount]);
            top.Add(rank, entry);
        }
        return entry.Sums;
    }

    private TrafficSeries ToSeries(string? key, double[] sums)
    {
        var (seriesKey, label) = TrafficQueries.KeyAndLabel(_query.By, key);
        return new TrafficSeries(seriesKey, label, ToPoints(sums));
    }

    private SeriesPoint[] ToPoints(double[] sums)
    {
        // Bits are summed as bytes; ×8 here keeps the SQL the same for both.
        var scale = (_query.Metric == TrafficMetric.Bits ? 8.0 : 1.0) / _query.StepSeconds;
        var points = new SeriesPoint[sums.Length];
        for (var i = 0; i < sums.Length; i++)
        {
            points[i] = new SeriesPoint((_firstBucket + i) * _query.StepSeconds, sums[i] * scale);
        }
        return points;
    }

    private int IndexOf(long bucketStart) => (int)(bucketStart / _query.StepSeconds - _firstBucket);

    /// <summary>Bucket number (not seconds) holding the instant; floor, so times before 1970 stay aligned.</summary>
    private long FloorToStep(long unixMilliseconds) => (long)Math.Floor(unixMilliseconds / (_query.StepSeconds * 1000.0));
}
