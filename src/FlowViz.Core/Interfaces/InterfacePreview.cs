namespace FlowViz.Core.Interfaces;

/// <summary>What candidate rules would make of one known interface, next to what the current rules make of it.</summary>
/// <param name="Interface">The interface.</param>
/// <param name="Current">Its class under the rules in force (null: unclassified).</param>
/// <param name="Candidate">Its class under the candidate rules (null: unclassified).</param>
/// <param name="RuleIndex">The candidate rule that matched (0-based), if any.</param>
/// <param name="Error">A candidate rule whose expression timed out on this interface, if any.</param>
public sealed record InterfacePreview(KnownInterface Interface, InterfaceClass? Current, InterfaceClass? Candidate, int? RuleIndex, string? Error)
{
    public bool Changed => Current != Candidate;
}
