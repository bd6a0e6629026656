namespace FlowViz.Core.Interfaces;

/// <summary>Rules that cannot be used, with every problem found (not only the first).</summary>
public sealed class InterfaceRulesException(IReadOnlyList<InterfaceRuleError> errors)
    : Exception(string.Join("; ", errors.Select(e => $"{e.Path}: {e.Message}")))
{
    public IReadOnlyList<InterfaceRuleError> Errors { get; } = errors;
}
