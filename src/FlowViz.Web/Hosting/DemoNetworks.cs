using Microsoft.Extensions.Configuration;

namespace FlowViz.Web.Hosting;

/// <summary>
/// The demo's own local networks. The simulated routers' remote hosts sit in documentation ranges, which the
/// enrichment's default networks count as local (as the product should for an unconfigured home lab), so with
/// the defaults every demo flow would be "internal" and the in/out graphs empty. With <c>--demo</c> and no
/// networks configured, the demo's LANs (<see cref="Networks"/>) are the local networks instead.
/// </summary>
internal static class DemoNetworks
{
    public static readonly (string Name, string Prefix)[] Networks =
    [
        ("demo-lan", "192.168.10.0/24"),
        ("demo-lan-v6", "2001:db8:10::/48"),
    ];

    public static void AddWhenDemo(IConfigurationManager configuration)
    {
        if (!configuration.GetValue<bool>("Demo:Enabled") || configuration.GetSection("Enrichment:Networks").GetChildren().Any())
        {
            return;
        }
        configuration.AddInMemoryCollection(Networks.SelectMany((network, i) => new[]
        {
            KeyValuePair.Create<string, string?>($"Enrichment:Networks:{i}:Name", network.Name),
            KeyValuePair.Create<string, string?>($"Enrichment:Networks:{i}:Prefix", network.Prefix),
        }));
    }
}
