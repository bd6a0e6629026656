using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace FlowViz.Web.Api.Documentation;

/// <summary>Completes the generated OpenAPI document with the v1 API's title, summaries and query parameters.</summary>
internal sealed class ApiDocumentTransformer : IOpenApiDocumentTransformer
{
    public Task TransformAsync(OpenApiDocument document, OpenApiDocumentTransformerContext context, CancellationToken cancellationToken)
    {
        document.Info.Title = "FlowViz API";
        document.Info.Description =
            "Flow traffic totals, top-N, time series, raw flows and interface classification. JSON; times are ISO 8601 UTC; " +
            "a bad parameter gets 400 with an application/problem+json body naming each wrong parameter.";
        foreach (var (path, item) in document.Paths)
        {
            foreach (var (method, operation) in item.Operations ?? [])
            {
                var key = (method.Method, path);
                if (string.IsNullOrEmpty(operation.Summary) && ApiOperationDocs.Summaries.TryGetValue(key, out var summary))
                {
                    operation.Summary = summary;
                }
                if (ApiOperationDocs.Parameters.TryGetValue(key, out var parameters))
                {
                    operation.Parameters ??= [];
                    foreach (var parameter in parameters.Where(p => operation.Parameters.All(existing => existing.Name != p.Name)))
                    {
                        operation.Parameters.Add(parameter.ToOpenApi());
                    }
                }
            }
        }
        return Task.CompletedTask;
    }
}
