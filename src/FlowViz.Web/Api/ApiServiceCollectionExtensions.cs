using FlowViz.Core.Interfaces;
using FlowViz.Storage.Interfaces;
using FlowViz.Web.Api.Documentation;
using FlowViz.Web.Interfaces;

namespace FlowViz.Web.Api;

/// <summary>
/// The interfaces API, interface classification and the OpenAPI document at /openapi/v1.json (operator level). The
/// flows API is mapped with the viewer-level read API: it answers through the viewer's tenant scope.
/// </summary>
internal static class ApiServiceCollectionExtensions
{
    public static IServiceCollection AddFlowVizApi(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddFlowVizInterfaces();
        services.Configure<InterfacesOptions>(configuration.GetSection(InterfacesOptions.SectionName));
        services.AddSingleton<IObservedInterfaceSource, CollectorInterfaceSource>();
        services.AddOpenApi(options => options.AddDocumentTransformer<ApiDocumentTransformer>());
        return services;
    }

    public static IEndpointRouteBuilder MapFlowVizApi(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapOpenApi();
        // MapInterfacesApi is mapped with the viewer-level read API (Program.cs): the list is scoped per viewer.
        endpoints.MapInterfaceRulesApi();
        return endpoints;
    }
}
