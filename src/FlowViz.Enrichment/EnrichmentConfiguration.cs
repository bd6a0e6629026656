using FlowViz.Enrichment.Applications;
using FlowViz.Enrichment.Networks;

namespace FlowViz.Enrichment;

/// <summary>The local networks and application rules built from the options, or every mistake in them at once.</summary>
public sealed record EnrichmentConfiguration(LocalNetworkTable Networks, ApplicationRules Applications)
{
    /// <summary>Builds both tables; throws <see cref="InvalidOperationException"/> listing every bad entry.</summary>
    public static EnrichmentConfiguration Build(EnrichmentOptions options)
    {
        var errors = Validate(options, out var configuration);
        return errors.Count == 0
            ? configuration
            : throw new InvalidOperationException($"{EnrichmentOptions.SectionName} settings are invalid:{Environment.NewLine}  " + string.Join(Environment.NewLine + "  ", errors));
    }

    /// <summary>Every mistake in the options (empty when they are fine), and the tables built from the good entries.</summary>
    public static List<string> Validate(EnrichmentOptions options, out EnrichmentConfiguration configuration)
    {
        var errors = new List<string>();
        var networks = LocalNetworkTable.Build(options.Networks, errors);
        var applications = ApplicationRules.Build(options.Applications, errors);
        if (options.GeoIP.ReloadInterval < TimeSpan.FromSeconds(1))
        {
            errors.Add($"{EnrichmentOptions.SectionName}:GeoIP:ReloadInterval must be at least one second (it is {options.GeoIP.ReloadInterval}).");
        }
        if (!Enum.IsDefined(options.GeoIP.AsOrder))
        {
            errors.Add($"{EnrichmentOptions.SectionName}:GeoIP:AsOrder must be {string.Join(" or ", Enum.GetNames<AsOrder>())}.");
        }
        configuration = new EnrichmentConfiguration(networks, applications);
        return errors;
    }
}
