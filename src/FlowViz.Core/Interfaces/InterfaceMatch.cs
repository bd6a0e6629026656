namespace FlowViz.Core.Interfaces;

/// <summary>
/// The outcome of classifying one interface: the index of the rule that matched and the class it gave, or
/// neither. <paramref name="Error"/> names a rule whose expression timed out on this interface (it counts as
/// not matching, and later rules are still tried).
/// </summary>
public sealed record InterfaceMatch(int? RuleIndex, InterfaceClass? Class, string? Error)
{
    public static InterfaceMatch None { get; } = new(null, null, null);
}
