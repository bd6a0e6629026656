namespace FlowViz.Core.Interfaces;

/// <summary>One saved version of the rules; the newest is in force. Saved sets are never changed.</summary>
/// <param name="Version">Increases with each save.</param>
/// <param name="Rules">The rules in order (first match wins).</param>
/// <param name="Source"><c>configuration</c> (seeded from Interfaces:Rules) or <c>api</c>.</param>
/// <param name="Comment">What the person saving said about the change.</param>
/// <param name="CreatedAt">When it was saved.</param>
/// <param name="SavedBy">The user who saved it through the API; null for configuration seeds and sets saved before it was recorded.</param>
public sealed record InterfaceRuleSet(long Version, IReadOnlyList<InterfaceRule> Rules, string Source, string? Comment, DateTimeOffset CreatedAt, string? SavedBy = null);
