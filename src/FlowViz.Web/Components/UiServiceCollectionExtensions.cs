using FlowViz.Web.Components.Time;
using FlowViz.Web.Exporters;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace FlowViz.Web.Components;

public static class UiServiceCollectionExtensions
{
    /// <summary>
    /// The services the Blazor UI needs besides ITrafficQueries (which the composition root binds):
    /// the per-circuit browser time zone, a clock for live refresh and the exporters' counters (read from the
    /// collector when first asked for).
    /// </summary>
    public static IServiceCollection AddFlowVizUi(this IServiceCollection services)
    {
        services.TryAddSingleton(TimeProvider.System);
        services.AddHttpContextAccessor(); // BrowserTimeZone reads the zone cookie of the request being prerendered
        services.AddScoped<BrowserTimeZone>();
        services.TryAddSingleton<IExporterReports, CollectorExporterReports>();
        services.AddScoped<FlowViz.Web.Interfaces.InterfaceDirectory>();
        return services;
    }
}
