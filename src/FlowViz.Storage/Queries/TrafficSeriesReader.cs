using FlowViz.Core.Queries;
using FlowViz.Storage.Rollups;
using Npgsql;

namespace FlowViz.Storage.Queries;

/// <summary>
/// One series query: buckets are [k·step, (k+1)·step) in Unix seconds, so they line up across queries and
/// pages; every bucket from the one holding <c>From</c> to the one before <c>To</c> is present, zero when
/// empty. A point's rate is the bucket's sum divided by the step (a partial first or last bucket is still
/// divided by the whole step, so a graph edge may dip). Keys are ranked over the whole range by the
/// query's metric; the rest is summed into the "other" series, which is left out when it is zero throughout.
/// Split by direction, each key gets an "out" and an "in" series, and an "other" one (internal, transit, unknown)
/// when that is not zero throughout.
/// </summary>
internal sealed class TrafficSeriesReader
{
    private const int MaxBuckets = 10_000;

    // Direction classes of the split: the order the series of one key come out in.
    private const int Unsplit = 0;
    private const int Out = 1;
    private const int In = 2;
    private const int OtherDirections = 3;

    private readonly SeriesQuery _query;
    private readonly long _firstBucket;
    private readonly int _bucketCount;

    public TrafficSeriesReader(SeriesQuery query)
    {
        if (query.StepSeconds <= 0)
        {
            throw new ArgumentOutOfRangeException(nameof(query), query.StepSeconds, "The step must be at least one second.");
        }
        TrafficQueries.ValidateLimit(query.Limit);
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

    private bool Split => _query.Split == SeriesSplit.Direction;

    public async Task<SeriesResult> ReadAsync(NpgsqlConnection connection, IReadOnlyList<QuerySegment> segments, CancellationToken cancellationToken)
    {
        var parameters = new SqlParameters();
        var union = SegmentUnion.Sql(segments, _query.By, _query.Filter, parameters);
        // date_bin on the epoch: the buckets of floor(epoch / step) · step, in integer arithmetic (extract(epoch) is
        // numeric, and dividing it for every row cost more than reading the row); seconds only for the grouped rows.
        var step = parameters.Add(TimeSpan.FromSeconds(_query.StepSeconds));
        var limit = parameters.Add((long)_query.Limit);
        var directionClass = Split ? $"CASE d WHEN 2 THEN {Out} WHEN 1 THEN {In} ELSE {OtherDirections} END" : $"{Unsplit}";
        await using var command = new NpgsqlCommand(
            SeriesRankingSql.Of(union, directionClass, step, limit, _query.Metric, _query.By, SeriesRankingSql.GroupsFirst(_query.By, segments, _query.Range)),
            connection);
        parameters.AddTo(command);
        var sums = new SortedDictionary<(long Rank, int Direction), double[]>();
        var keys = new Dictionary<long, string?>();
        await using (var reader = await command.ExecuteReaderAsync(cancellationToken))
        {
            while (await reader.ReadAsync(cancellationToken))
            {
                var rank = reader.GetInt64(0);
                keys.TryAdd(rank, reader.IsDBNull(1) ? null : reader.GetString(1));
                var direction = reader.GetInt32(2);
                if (!sums.TryGetValue((rank, direction), out var buckets))
                {
                    buckets = new double[_bucketCount];
                    sums.Add((rank, direction), buckets);
                }
                buckets[IndexOf(reader.GetInt64(3))] += reader.GetDouble(4);
            }
        }
        return new SeriesResult(_query.StepSeconds, Assemble(sums, keys));
    }

    private List<TrafficSeries> Assemble(SortedDictionary<(long Rank, int Direction), double[]> sums, Dictionary<long, string?> keys)
    {
        var series = new List<TrafficSeries>();
        var ranks = keys.Keys.Where(rank => rank > 0).Order().Append(0);
        foreach (var rank in ranks)
        {
            var (key, label) = rank == 0
                ? (TrafficSeries.OtherKey, "Other")
                : TrafficQueries.KeyAndLabel(_query.By, keys[rank]);
            foreach (var direction in Split ? new[] { Out, In, OtherDirections } : [Unsplit])
            {
                var buckets = sums.GetValueOrDefault((rank, direction));
                // Keep a top key's in and out even when empty (a mirrored chart pairs them); drop all-zero others.
                var keep = buckets is not null && buckets.Any(sum => sum != 0)
                    || (rank > 0 && direction != OtherDirections && direction != Unsplit)
                    || (rank > 0 && direction == Unsplit);
                if (keep)
                {
                    series.Add(new TrafficSeries(key, label, ToPoints(buckets ?? new double[_bucketCount]), DirectionName(direction)));
                }
            }
        }
        return series;
    }

    private static string? DirectionName(int direction) => direction switch
    {
        Out => "out",
        In => "in",
        OtherDirections => "other",
        _ => null,
    };

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
