using FlowViz.Web.Components.Live;
using FlowViz.Web.Components.Time;
using Microsoft.AspNetCore.Components.Server.Circuits;
using FlowViz.Web.Exporters;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace FlowViz.Web.Components;

public static class UiServiceCollectionExtensions
{
    /// <summary>
    /// The services the Blazor UI needs besides ITrafficQueries (which the composition root binds):
    /// the per-circuit browser time zone and connection, a clock for live refresh and the exporters' counters (read from the
    /// collector when first asked for).
    /// </summary>
    public static IServiceCollection AddFlowVizUi(this IServiceCollection services)
    {
        services.TryAddSingleton(TimeProvider.System);
        services.AddHttpContextAccessor(); // BrowserTimeZone reads the zone cookie of the request being prerendered
        services.AddScoped<BrowserTimeZone>();
        // Live refresh pauses while the circuit's browser is away; Blazor tells the circuit's handlers.
        services.AddScoped<CircuitConnection>();
        services.AddScoped<CircuitHandler>(provider => provider.GetRequiredService<CircuitConnection>());
        services.TryAddSingleton<IExporterReports, CollectorExporterReports>();
        services.AddScoped<FlowViz.Web.Interfaces.InterfaceDirectory>();
        return services;
    }
}
