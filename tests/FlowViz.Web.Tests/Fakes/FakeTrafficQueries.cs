namespace FlowViz.Web.Tests.Fakes;

/// <summary>Answers with fixed results and records every query; throws <see cref="Failure"/> when set.</summary>
public sealed class FakeTrafficQueries : ITrafficQueries
{
    public TrafficTotals Totals { get; set; } = TrafficTotals.Zero;
    public TopResult Top { get; set; } = new([], TrafficTotals.Zero);
    public SeriesResult Series { get; set; } = new(60, []);
    public Exception? Failure { get; set; }
    /// <summary>Answers for one dimension, where a page asks two different questions; <see cref="Top"/>/<see cref="Series"/> otherwise.</summary>
    public Dictionary<FlowDimension, TopResult> TopBy { get; } = [];
    public Dictionary<FlowDimension, SeriesResult> SeriesBy { get; } = [];

    /// <summary>When set, answers series queries instead of <see cref="Series"/> (pages that ask several different ones).</summary>
    public Func<SeriesQuery, SeriesResult>? SeriesAnswer { get; set; }

    /// <summary>When set, answers top queries instead of <see cref="Top"/>.</summary>
    public Func<TopQuery, TopResult>? TopAnswer { get; set; }

    /// <summary>When set, answers wait for it (a page's loading state shows meanwhile); questions are recorded at once.</summary>
    public Task? Hold { get; set; }

    public List<TimeRange> SummaryCalls { get; } = [];
    public List<SummaryQuery> SummaryQueries { get; } = [];
    public List<TopQuery> TopCalls { get; } = [];
    public List<SeriesQuery> SeriesCalls { get; } = [];

    public Task<TrafficTotals> SummaryAsync(TimeRange range, CancellationToken cancellationToken)
    {
        SummaryCalls.Add(range);
        return Answer(() => Failure is null ? Task.FromResult(Totals) : Task.FromException<TrafficTotals>(Failure));
    }

    public Task<TrafficTotals> SummaryAsync(SummaryQuery query, CancellationToken cancellationToken)
    {
        SummaryQueries.Add(query);
        return SummaryAsync(query.Range, cancellationToken);
    }

    public Task<TopResult> TopAsync(TopQuery query, CancellationToken cancellationToken)
    {
        TopCalls.Add(query);
        return Answer(() => Failure is null ? Task.FromResult(TopAnswer?.Invoke(query) ?? TopBy.GetValueOrDefault(query.By, Top)) : Task.FromException<TopResult>(Failure));
    }

    public Task<SeriesResult> SeriesAsync(SeriesQuery query, CancellationToken cancellationToken)
    {
        SeriesCalls.Add(query);
        return Answer(() => Failure is null ? Task.FromResult(SeriesAnswer?.Invoke(query) ?? SeriesBy.GetValueOrDefault(query.By, Series)) : Task.FromException<SeriesResult>(Failure));
    }

    private Task<T> Answer<T>(Func<Task<T>> answer) => Hold is null ? answer() : AfterHoldAsync(Hold, answer);

    private static async Task<T> AfterHoldAsync<T>(Task hold, Func<Task<T>> answer)
    {
        await hold;
        return await answer();
    }
}
