using FlowViz.Core.Interfaces;
using System.Net;
using FlowViz.Core.Filtering;
using FlowViz.Core.Queries;
using FlowViz.Storage.Queries;

namespace FlowViz.Web.Api;

/// <summary>
/// The AS analysis questions of an IX or ISP operator, one call each (seed 003):
/// <list type="bullet">
/// <item><c>GET /api/v1/as/traffic?via=all|transit|ix|pni</c>: traffic by AS (origin AS by default, <c>by</c> may say
/// src_as or dst_as) overall or only over interfaces of that connectivity.</item>
/// <item><c>GET /api/v1/as/{asn}/interfaces</c>: for an AS, the interfaces its traffic enters by (flows from it, by input
/// interface) and leaves by (flows to it, by output interface), each with its connectivity and provider.</item>
/// <item><c>GET /api/v1/as/{asn}/prefixes</c>: for an AS, its prefixes (flows from it by source prefix, to it by
/// destination prefix, merged per prefix: <see cref="AsPrefixes"/>); raw flows only, so <c>completeFrom</c> says from when.</item>
/// <item><c>GET /api/v1/interfaces/{exporter}/{ifIndex}/as</c>: for an interface, the ASes whose traffic enters by it
/// (by source AS) and leaves by it (by destination AS).</item>
/// </list>
/// Each is a top-N of the one query service, with the question's filter built as a filter tree (never as text) and
/// ANDed with the caller's optional <c>filter</c>.
/// </summary>
internal static class AsAnalysisApi
{
    private static readonly string[] Vias = ["all", "transit", "ix", "pni"];

    public static IEndpointRouteBuilder MapAsAnalysisApi(this IEndpointRouteBuilder endpoints)
    {
        var v1 = endpoints.MapGroup("/api/v1").WithTags("AS analysis");
        v1.MapGet("/as/traffic", TrafficByAsAsync);
        v1.MapGet("/as/{asn}/interfaces", InterfacesOfAsAsync);
        v1.MapGet("/as/{asn}/prefixes", PrefixesOfAsAsync);
        v1.MapGet("/interfaces/{exporter}/{ifIndex}/as", AsesOfInterfaceAsync);
        return endpoints;
    }

    private static async Task<IResult> TrafficByAsAsync(HttpRequest request, ITrafficQueries traffic, CancellationToken cancellationToken)
    {
        var parameters = new ApiParameters(request.Query);
        var range = parameters.Range();
        var by = parameters.Dimension(FlowDimension.OriginAs);
        var via = parameters.Choice("via", "all", Vias);
        var metric = parameters.Metric(TrafficMetric.Bytes, TrafficMetric.Bytes, TrafficMetric.Packets, TrafficMetric.Flows);
        var limit = parameters.Limit();
        var filter = parameters.Filter();
        if (by is not (FlowDimension.OriginAs or FlowDimension.SrcAs or FlowDimension.DstAs))
        {
            return Results.ValidationProblem(new Dictionary<string, string[]> { ["by"] = ["use origin_as, src_as or dst_as."] });
        }
        if (!parameters.IsValid)
        {
            return parameters.Problem();
        }
        var scope = via == "all" ? null : new LabelFilter(LabelSubject.Connectivity, FilterSide.Either, via);
        return await AnswerAsync(async () => new
        {
            Via = via,
            By = FlowDimensionNames.NameOf(by),
            Top = TrafficApi.TopJson(await traffic.TopAsync(new TopQuery(range, by, metric, limit, And(scope, filter)), cancellationToken)),
        });
    }

    private static async Task<IResult> InterfacesOfAsAsync(
        string asn, HttpRequest request, ITrafficQueries traffic, InterfaceClassLookup classes, CancellationToken cancellationToken)
    {
        var parameters = new ApiParameters(request.Query);
        var number = (ulong)parameters.Number("asn", asn, uint.MaxValue);
        var (range, metric, limit, filter) = TopInputs(parameters);
        if (!parameters.IsValid)
        {
            return parameters.Problem();
        }
        return await AnswerAsync(async () =>
        {
            var from = new NumberFilter(NumberSubject.As, FilterSide.Src, FilterComparison.Equal, number);
            var to = new NumberFilter(NumberSubject.As, FilterSide.Dst, FilterComparison.Equal, number);
            var entering = await traffic.TopAsync(new TopQuery(range, FlowDimension.InputInterface, metric, limit, And(from, filter)), cancellationToken);
            var leaving = await traffic.TopAsync(new TopQuery(range, FlowDimension.OutputInterface, metric, limit, And(to, filter)), cancellationToken);
            var known = await classes.DescribeAsync(entering.Rows.Concat(leaving.Rows).Select(row => row.Key), cancellationToken);
            return new
            {
                Asn = number,
                Inbound = InterfaceRows(entering, known),
                Outbound = InterfaceRows(leaving, known),
            };
        });
    }

    private static async Task<IResult> PrefixesOfAsAsync(
        string asn, HttpRequest request, ITrafficQueries traffic, IAnswerCompleteness completeness, CancellationToken cancellationToken)
    {
        var parameters = new ApiParameters(request.Query);
        var number = (uint)parameters.Number("asn", asn, uint.MaxValue);
        var (range, metric, limit, filter) = TopInputs(parameters);
        if (!parameters.IsValid)
        {
            return parameters.Problem();
        }
        return await AnswerAsync(async () =>
        {
            var table = await AsPrefixes.QueryAsync(traffic, number, range, metric, limit, filter, cancellationToken);
            var inbound = AsPrefixes.Inbound(number, range, metric, filter);
            var outbound = AsPrefixes.Outbound(number, range, metric, filter);
            var completeFrom = Later(
                await completeness.CompleteFromAsync(range, inbound.By, inbound.Filter, null, cancellationToken),
                await completeness.CompleteFromAsync(range, outbound.By, outbound.Filter, null, cancellationToken));
            return new
            {
                Asn = number,
                Rows = table.Rows.Select(row => new { row.Key, row.Label, In = row.In, Out = row.Out, Share = table.ShareOf(row) }),
                OtherIn = table.OtherIn,
                OtherOut = table.OtherOut,
                CompleteFrom = completeFrom,
            };
        });
    }

    private static DateTimeOffset? Later(DateTimeOffset? a, DateTimeOffset? b) => a is null ? b : b is null ? a : a > b ? a : b;

    private static async Task<IResult> AsesOfInterfaceAsync(
        string exporter, string ifIndex, HttpRequest request, ITrafficQueries traffic, CancellationToken cancellationToken)
    {
        var parameters = new ApiParameters(request.Query);
        var address = parameters.Address("exporter", exporter);
        var index = (ulong)parameters.Number("ifIndex", ifIndex, uint.MaxValue);
        var (range, metric, limit, filter) = TopInputs(parameters);
        if (!parameters.IsValid || address is null)
        {
            return parameters.Problem();
        }
        return await AnswerAsync(async () =>
        {
            FilterExpression On(FilterSide side) => new AndFilter(
                new ExporterFilter(FilterValues.HostNetwork(address)),
                new NumberFilter(NumberSubject.Interface, side, FilterComparison.Equal, index));
            var entering = await traffic.TopAsync(new TopQuery(range, FlowDimension.SrcAs, metric, limit, And(On(FilterSide.Src), filter)), cancellationToken);
            var leaving = await traffic.TopAsync(new TopQuery(range, FlowDimension.DstAs, metric, limit, And(On(FilterSide.Dst), filter)), cancellationToken);
            return new
            {
                Interface = DimensionLabels.InterfaceKey(address.ToString(), (long)index),
                Inbound = TrafficApi.TopJson(entering),
                Outbound = TrafficApi.TopJson(leaving),
            };
        });
    }

    private static object InterfaceRows(TopResult top, IReadOnlyDictionary<string, InterfaceDetails> known) => new
    {
        Rows = top.Rows.Select(row =>
        {
            var found = known.GetValueOrDefault(row.Key);
            DimensionLabels.TryParseInterfaceKey(row.Key, out var exporter, out var ifIndex);
            return new
            {
                row.Key,
                row.Label,
                Exporter = exporter.Length > 0 ? exporter : null,
                IfIndex = exporter.Length > 0 ? ifIndex : (long?)null,
                IfName = found?.Name,
                IfDescription = found?.Description,
                found?.Class?.Connectivity,
                found?.Class?.Provider,
                found?.Class?.Boundary,
                row.Flows,
                row.Packets,
                row.Bytes,
            };
        }),
        Other = new { top.Other.Flows, top.Other.Packets, top.Other.Bytes },
    };

    /// <summary>What every AS question reads besides its own key: range, metric (bytes, packets or flows), limit, filter.</summary>
    private static (TimeRange Range, TrafficMetric Metric, int Limit, FilterExpression? Filter) TopInputs(ApiParameters parameters) => (
        parameters.Range(),
        parameters.Metric(TrafficMetric.Bytes, TrafficMetric.Bytes, TrafficMetric.Packets, TrafficMetric.Flows),
        parameters.Limit(),
        parameters.Filter());

    private static FilterExpression? And(FilterExpression? scope, FilterExpression? filter) =>
        scope is null ? filter : filter is null ? scope : new AndFilter(scope, filter);

    private static async Task<IResult> AnswerAsync(Func<Task<object>> answer)
    {
        try
        {
            return Results.Ok(await answer());
        }
        catch (FilterNotSupportedException exception)
        {
            return ApiParameters.FilterProblem(exception);
        }
    }
}
