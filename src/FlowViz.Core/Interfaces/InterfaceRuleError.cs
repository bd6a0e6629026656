namespace FlowViz.Core.Interfaces;

/// <summary>Why a rule cannot be used: <paramref name="RuleIndex"/> (0-based) and the <paramref name="Field"/> at fault.</summary>
public sealed record InterfaceRuleError(int RuleIndex, string Field, string Message)
{
    /// <summary>The field's path as the API reports it, e.g. <c>rules[2].name</c>.</summary>
    public string Path => $"rules[{RuleIndex}].{Field}";
}
