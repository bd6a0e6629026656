using CsvHelper;
using FlowViz.Core.Filtering;
using FlowViz.Core.Flows;
using FlowViz.Core.Queries;

namespace FlowViz.Web.Api;

/// <summary>
/// <c>GET /api/v1/flows</c>: raw flow records, a page at a time as JSON (with <c>nextPageToken</c>) or every
/// row as streamed CSV (<c>format=csv</c>). Column names are the flows table's (<see cref="FlowColumns"/>).
/// </summary>
internal static class FlowsApi
{
    public static IEndpointRouteBuilder MapFlowsApi(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/api/v1/flows", ListAsync).WithTags("Flows").WithName("ListFlows")
            .WithSummary("Raw flow records, paged (JSON) or streamed (CSV)");
        return endpoints;
    }

    private static async Task<IResult> ListAsync(HttpContext context, IFlowRecordQueries flows, CancellationToken cancellationToken)
    {
        var shared = new ApiParameters(context.Request.Query);
        var own = new FlowListParameters(context.Request.Query);
        var range = shared.Range();
        var filter = shared.Filter();
        var csv = own.Csv();
        var query = new FlowListQuery(range, filter, own.Sort(), own.Descending(), own.Limit(csv));
        if (!shared.IsValid)
        {
            return shared.Problem();
        }
        query = query with { After = own.After(query) };
        if (own.Errors.Count > 0)
        {
            return Results.ValidationProblem(own.Errors);
        }
        try
        {
            return csv ? await CsvAsync(context, flows, query, cancellationToken) : await PageAsync(flows, query, cancellationToken);
        }
        catch (FilterNotSupportedException exception)
        {
            return ApiParameters.FilterProblem(exception);
        }
    }

    private static async Task<IResult> PageAsync(IFlowRecordQueries flows, FlowListQuery query, CancellationToken cancellationToken)
    {
        var page = await flows.PageAsync(query, cancellationToken);
        return Results.Ok(new
        {
            Flows = page.Flows.Select(flow => FlowValues.Row(flow)),
            NextPageToken = page.Next is { } next ? FlowPageToken.Encode(next, query) : null,
        });
    }

    /// <summary>
    /// RFC 4180 CSV through CsvHelper (quoting, CRLF line ends), written as rows arrive from the database. The
    /// first row is read before anything is sent, so a query the database refuses still gets a proper 400 or 500.
    /// </summary>
    private static async Task<IResult> CsvAsync(HttpContext context, IFlowRecordQueries flows, FlowListQuery query, CancellationToken cancellationToken)
    {
        var rows = flows.StreamAsync(query, cancellationToken).GetAsyncEnumerator(cancellationToken);
        var any = await rows.MoveNextAsync();
        var response = context.Response;
        response.ContentType = "text/csv; charset=utf-8; header=present";
        response.Headers.ContentDisposition = "attachment; filename=\"flows.csv\"";
        // CsvWriterOptions.Default is RFC 4180: CRLF after each record, quotes only where a field needs them, UTF-8 without a BOM.
        await using (rows)
        await using (var csv = CsvWriter.Create(response.Body, options: null, leaveOpen: true))
        {
            foreach (var column in FlowColumns.All)
            {
                csv.WriteField(column.Name);
            }
            await csv.EndRecordAsync(cancellationToken);
            for (var more = any; more; more = await rows.MoveNextAsync())
            {
                var flow = rows.Current;
                foreach (var column in FlowColumns.All)
                {
                    csv.WriteField(FlowValues.Text(flow, column.Field));
                }
                await csv.EndRecordAsync(cancellationToken);
            }
            await csv.FlushAsync(cancellationToken);
        }
        return Results.Empty;
    }
}
