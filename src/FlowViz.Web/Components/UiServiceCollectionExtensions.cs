using FlowViz.Web.Components.Time;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace FlowViz.Web.Components;

public static class UiServiceCollectionExtensions
{
    /// <summary>
    /// The services the Blazor UI needs besides ITrafficQueries (which the composition root binds):
    /// the per-circuit browser time zone and a clock for live refresh.
    /// </summary>
    public static IServiceCollection AddFlowVizUi(this IServiceCollection services)
    {
        services.TryAddSingleton(TimeProvider.System);
        services.AddScoped<BrowserTimeZone>();
        return services;
    }
}
