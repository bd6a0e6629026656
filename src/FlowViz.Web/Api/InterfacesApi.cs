using FlowViz.Core.Interfaces;
using FlowViz.Core.Queries;
using FlowViz.Web.Accounts;

namespace FlowViz.Web.Api;

/// <summary>
/// <c>GET /api/v1/interfaces</c> (every known interface and its class, unclassified first) and
/// <c>GET /api/v1/interfaces/unclassified</c> (interfaces that carried traffic but have no class, busiest first).
/// The list answers through the viewer's scope (a tenant viewer sees its scope's interfaces); the report is operator-only.
/// </summary>
internal static class InterfacesApi
{
    /// <summary>The window of <c>unclassified</c> when no range is given.</summary>
    public static readonly TimeSpan DefaultTrafficWindow = TimeSpan.FromHours(24);

    public static IEndpointRouteBuilder MapInterfacesApi(this IEndpointRouteBuilder endpoints)
    {
        var group = endpoints.MapGroup("/api/v1/interfaces").WithTags("Interfaces");
        group.MapGet("", ListAsync).WithName("ListInterfaces")
            .WithSummary("Every known interface with its name, description, speed and class; unclassified ones first");
        group.MapGet("/unclassified", UnclassifiedAsync).WithName("ListUnclassifiedInterfaces")
            .WithSummary("Interfaces that carried traffic (last 24 h unless from/to are given) and that no rule classifies, busiest first")
            // Counts all traffic through each interface, any tenant's: a classification tool for operators.
            .RequireAuthorization(AuthPolicies.Operator);
        return endpoints;
    }

    private static async Task<IResult> ListAsync(IInterfaceCatalog catalog, CancellationToken cancellationToken)
    {
        var interfaces = await catalog.ListAsync(cancellationToken);
        return Results.Ok(new { Interfaces = interfaces.Select(i => Describe(i.Interface, i.Class)) });
    }

    private static async Task<IResult> UnclassifiedAsync(HttpRequest request, IInterfaceCatalog catalog, TimeProvider time, CancellationToken cancellationToken)
    {
        TimeRange range;
        if (request.Query.ContainsKey("from") || request.Query.ContainsKey("to"))
        {
            var parameters = new ApiParameters(request.Query);
            range = parameters.Range();
            if (!parameters.IsValid)
            {
                return parameters.Problem();
            }
        }
        else
        {
            range = TimeRange.Last(DefaultTrafficWindow, time.GetUtcNow());
        }
        var interfaces = await catalog.UnclassifiedWithTrafficAsync(range, cancellationToken);
        return Results.Ok(new
        {
            range.From,
            range.To,
            Interfaces = interfaces.Select(i => new
            {
                Exporter = i.Exporter.ToString(),
                i.IfIndex,
                i.Name,
                i.Description,
                i.Flows,
                i.Bytes,
            }),
        });
    }

    internal static object Describe(KnownInterface known, InterfaceClass? classes) => new
    {
        Exporter = known.Exporter.ToString(),
        known.IfIndex,
        known.Name,
        known.Description,
        known.SpeedBps,
        Classified = classes is not null,
        classes?.Connectivity,
        classes?.Provider,
        classes?.Boundary,
        known.Sources,
        known.FirstSeen,
        known.LastSeen,
    };
}
