using FlowViz.Core.Filtering;
using FlowViz.Core.Queries;

namespace FlowViz.Web.Api;

/// <summary>
/// HTTP API v1: JSON over the same query service the UI uses. Times are ISO 8601 UTC, ranges half-open.
/// Every endpoint takes an optional <c>filter</c> in the nfdump-style language (FlowViz.Core.Filtering).
/// Each answer carries <c>completeFrom</c>: null when it holds every flow of the range, else the instant from which
/// it does (a query only the raw flows can answer, such as a prefix-scoped tenant's, over a range older than their
/// retention; <see cref="IAnswerCompleteness"/>).
/// </summary>
internal static class TrafficApi
{
    public static IEndpointRouteBuilder MapTrafficApi(this IEndpointRouteBuilder endpoints)
    {
        var v1 = endpoints.MapGroup("/api/v1").WithTags("Traffic");
        v1.MapGet("/summary", SummaryAsync);
        v1.MapGet("/top", TopAsync);
        v1.MapGet("/series", SeriesAsync);
        return endpoints;
    }

    private static async Task<IResult> SummaryAsync(
        HttpRequest request, ITrafficQueries traffic, IAnswerCompleteness completeness, CancellationToken cancellationToken)
    {
        var parameters = new ApiParameters(request.Query);
        var range = parameters.Range();
        var filter = parameters.Filter();
        if (!parameters.IsValid)
        {
            return parameters.Problem();
        }
        try
        {
            var totals = await traffic.SummaryAsync(new SummaryQuery(range, filter), cancellationToken);
            var completeFrom = await completeness.CompleteFromAsync(range, null, filter, null, cancellationToken);
            return Results.Ok(new { totals.Flows, totals.Packets, totals.Bytes, CompleteFrom = completeFrom });
        }
        catch (FilterNotSupportedException exception)
        {
            return ApiParameters.FilterProblem(exception);
        }
    }

    private static async Task<IResult> TopAsync(
        HttpRequest request, ITrafficQueries traffic, IAnswerCompleteness completeness, CancellationToken cancellationToken)
    {
        var parameters = new ApiParameters(request.Query);
        var range = parameters.Range();
        var by = parameters.Dimension();
        var metric = parameters.Metric(TrafficMetric.Bytes, TrafficMetric.Bytes, TrafficMetric.Packets, TrafficMetric.Flows);
        var limit = parameters.Limit();
        var filter = parameters.Filter();
        if (!parameters.IsValid)
        {
            return parameters.Problem();
        }
        TopResult top;
        DateTimeOffset? completeFrom;
        try
        {
            top = await traffic.TopAsync(new TopQuery(range, by, metric, limit, filter), cancellationToken);
            completeFrom = await completeness.CompleteFromAsync(range, by, filter, null, cancellationToken);
        }
        catch (FilterNotSupportedException exception)
        {
            return ApiParameters.FilterProblem(exception);
        }
        return Results.Ok(new { top.Rows, Other = new { top.Other.Flows, top.Other.Packets, top.Other.Bytes }, CompleteFrom = completeFrom });
    }

    public static object TopJson(TopResult top) => new
    {
        Rows = top.Rows,
        Other = new { top.Other.Flows, top.Other.Packets, top.Other.Bytes },
    };

    private static async Task<IResult> SeriesAsync(
        HttpRequest request, ITrafficQueries traffic, IAnswerCompleteness completeness, CancellationToken cancellationToken)
    {
        var parameters = new ApiParameters(request.Query);
        var range = parameters.Range();
        var by = parameters.Dimension();
        var metric = parameters.Metric(TrafficMetric.Bits, TrafficMetric.Bits, TrafficMetric.Packets, TrafficMetric.Flows);
        var step = parameters.Step(range);
        var limit = parameters.Limit();
        var filter = parameters.Filter();
        var split = parameters.Split();
        if (!parameters.IsValid)
        {
            return parameters.Problem();
        }
        SeriesResult result;
        DateTimeOffset? completeFrom;
        try
        {
            result = await traffic.SeriesAsync(new SeriesQuery(range, by, metric, step, limit, filter, split), cancellationToken);
            completeFrom = await completeness.CompleteFromAsync(range, by, filter, step, cancellationToken);
        }
        catch (FilterNotSupportedException exception)
        {
            return ApiParameters.FilterProblem(exception);
        }
        return Results.Ok(new { Step = result.StepSeconds, Series = SeriesItems(result), CompleteFrom = completeFrom });
    }

    /// <summary>
    /// A series answer as JSON: per series its key, label, direction (when split), the legend figures
    /// (min / avg / max / 95th percentile of the rates, total amount over the range) and [unix seconds, rate] points.
    /// </summary>
    public static object SeriesJson(SeriesResult result) => new { Step = result.StepSeconds, Series = SeriesItems(result) };

    private static IEnumerable<object> SeriesItems(SeriesResult result) => result.Series.Select(s => new
    {
        s.Key,
        s.Label,
        s.Direction,
        Statistics = s.Statistics(result.StepSeconds),
        Points = s.Points.Select(p => new object[] { p.UnixSeconds, p.Rate }),
    });
}
