using Microsoft.OpenApi;

namespace FlowViz.Web.Api.Documentation;

/// <summary>One query parameter as the OpenAPI document describes it.</summary>
internal sealed record ApiParameterDoc(string Name, JsonSchemaType Type, bool Required, string Description, string? Format = null)
{
    public OpenApiParameter ToOpenApi() => new()
    {
        Name = Name,
        In = ParameterLocation.Query,
        Required = Required,
        Description = Description,
        Schema = new OpenApiSchema { Type = Type, Format = Format },
    };
}
