using Microsoft.Extensions.Options;

namespace FlowViz.Enrichment;

/// <summary>Refuses start-up with every mistake in the <c>Enrichment</c> section named (rule, network, setting).</summary>
internal sealed class EnrichmentOptionsValidator : IValidateOptions<EnrichmentOptions>
{
    public ValidateOptionsResult Validate(string? name, EnrichmentOptions options)
    {
        var errors = EnrichmentConfiguration.Validate(options, out _);
        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }
}
