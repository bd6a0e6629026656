using FlowViz.Core.Filtering;
using FlowViz.Core.Interfaces;
using Microsoft.Extensions.Options;

namespace FlowViz.Storage.Interfaces;

/// <summary>Refuses to start with rules or configured interfaces that cannot be used, listing every problem.</summary>
internal sealed class InterfacesOptionsValidator : IValidateOptions<InterfacesOptions>
{
    public ValidateOptionsResult Validate(string? name, InterfacesOptions options)
    {
        var failures = new List<string>();
        try
        {
            InterfaceClassifier.Compile(options.Rules);
        }
        catch (InterfaceRulesException exception)
        {
            failures.AddRange(exception.Errors.Select(e => $"Interfaces:Rules:{e.RuleIndex}:{e.Field}: {e.Message}"));
        }
        for (var i = 0; i < options.Configured.Count; i++)
        {
            var entry = options.Configured[i];
            if (!FilterValues.TryParseAddress(entry.Exporter?.Trim() ?? "", out _))
            {
                failures.Add($"Interfaces:Configured:{i}:Exporter: '{entry.Exporter}' is not an IP address.");
            }
            if (entry.IfIndex is < 0 or > uint.MaxValue)
            {
                failures.Add($"Interfaces:Configured:{i}:IfIndex: {entry.IfIndex} is not an interface index.");
            }
            if (entry.SpeedBps is < 0)
            {
                failures.Add($"Interfaces:Configured:{i}:SpeedBps: must not be negative.");
            }
        }
        if (options.SyncInterval <= TimeSpan.Zero)
        {
            failures.Add("Interfaces:SyncInterval must be positive.");
        }
        if (options.FlowScanLag < TimeSpan.Zero)
        {
            failures.Add("Interfaces:FlowScanLag must not be negative.");
        }
        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
