using FlowViz.Core.Filtering;
using FlowViz.Core.Queries;

namespace FlowViz.Web.Api;

/// <summary>
/// HTTP API v1: JSON over the same query service the UI uses. Times are ISO 8601 UTC, ranges half-open.
/// Every endpoint takes an optional <c>filter</c> in the nfdump-style language (FlowViz.Core.Filtering).
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

    private static async Task<IResult> SummaryAsync(HttpRequest request, ITrafficQueries traffic, CancellationToken cancellationToken)
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
            return Results.Ok(new { totals.Flows, totals.Packets, totals.Bytes });
        }
        catch (FilterNotSupportedException exception)
        {
            return ApiParameters.FilterProblem(exception);
        }
    }

    private static async Task<IResult> TopAsync(HttpRequest request, ITrafficQueries traffic, CancellationToken cancellationToken)
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
        try
        {
            top = await traffic.TopAsync(new TopQuery(range, by, metric, limit, filter), cancellationToken);
        }
        catch (FilterNotSupportedException exception)
        {
            return ApiParameters.FilterProblem(exception);
        }
        return Results.Ok(TopJson(top));
    }

    public static object TopJson(TopResult top) => new
    {
        Rows = top.Rows,
        Other = new { top.Other.Flows, top.Other.Packets, top.Other.Bytes },
    };

    private static async Task<IResult> SeriesAsync(HttpRequest request, ITrafficQueries traffic, CancellationToken cancellationToken)
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
        try
        {
            result = await traffic.SeriesAsync(new SeriesQuery(range, by, metric, step, limit, filter, split), cancellationToken);
        }
        catch (FilterNotSupportedException exception)
        {
            return ApiParameters.FilterProblem(exception);
        }
        return Results.Ok(SeriesJson(result));
    }

    /// <summary>
    /// A series answer as JSON: per series its key, label, direction (when split), the legend figures
    /// (min / avg / max / 95th percentile of the rates, total amount over the range) and [unix seconds, rate] points.
    /// </summary>
    public static object SeriesJson(SeriesResult result) => new
    {
        Step = result.StepSeconds,
        Series = result.Series.Select(s => new
        {
            s.Key,
            s.Label,
            s.Direction,
            Statistics = s.Statistics(result.StepSeconds),
            Points = s.Points.Select(p => new object[] { p.UnixSeconds, p.Rate }),
        }),
    };
}
