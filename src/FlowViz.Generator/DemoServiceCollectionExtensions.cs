using System.Net;
using FlowViz.Generator.Demo;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace FlowViz.Generator;

public static class DemoServiceCollectionExtensions
{
    /// <summary>Adds the demo exporters; they run only when <see cref="DemoOptions.Enabled"/> is set.</summary>
    public static IServiceCollection AddFlowVizDemo(this IServiceCollection services, Func<IServiceProvider, IPEndPoint> target)
    {
        services.AddOptions<DemoOptions>().ValidateDataAnnotations().ValidateOnStart();
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton(sp => new DemoTarget(() => target(sp)));
        services.AddHostedService<DemoExporterService>();
        return services;
    }
}
