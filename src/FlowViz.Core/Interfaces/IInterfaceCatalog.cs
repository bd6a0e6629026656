using FlowViz.Core.Queries;

namespace FlowViz.Core.Interfaces;

/// <summary>
/// Interfaces, their classes and the versioned classification rules. Saving rules re-classifies every known
/// interface at once, and so all past traffic, since queries join the classes at read time.
/// </summary>
public interface IInterfaceCatalog
{
    /// <summary>Every known interface with its class; unclassified ones first, then by exporter and index.</summary>
    Task<IReadOnlyList<ClassifiedInterface>> ListAsync(CancellationToken cancellationToken);

    /// <summary>The rule set of <paramref name="version"/>, or the one in force when null; null when there is none.</summary>
    Task<InterfaceRuleSet?> RulesAsync(long? version, CancellationToken cancellationToken);

    /// <summary>Every saved version, newest first, without their rules' bodies beyond the count.</summary>
    Task<IReadOnlyList<InterfaceRuleSet>> RuleHistoryAsync(CancellationToken cancellationToken);

    /// <summary>
    /// Saves <paramref name="rules"/> as the new version and re-classifies every interface, in one transaction.
    /// Throws <see cref="InterfaceRulesException"/> (with every error) when a rule is invalid; nothing is saved then.
    /// </summary>
    Task<InterfaceRuleSet> SaveRulesAsync(IReadOnlyList<InterfaceRule> rules, string? comment, CancellationToken cancellationToken);

    /// <summary>
    /// As <see cref="SaveRulesAsync(IReadOnlyList{InterfaceRule}, string?, CancellationToken)"/>, under optimistic
    /// concurrency: when <paramref name="editedVersion"/> is given and is not the version in force, nothing is saved and
    /// <see cref="Versioning.StaleVersionException"/> says which version is. <paramref name="savedBy"/> is recorded.
    /// </summary>
    Task<InterfaceRuleSet> SaveRulesAsync(
        IReadOnlyList<InterfaceRule> rules, string? comment, long? editedVersion, string? savedBy, CancellationToken cancellationToken);

    /// <summary>What <paramref name="rules"/> would make of each known interface; throws <see cref="InterfaceRulesException"/> when invalid.</summary>
    Task<IReadOnlyList<InterfacePreview>> PreviewAsync(IReadOnlyList<InterfaceRule> rules, CancellationToken cancellationToken);

    /// <summary>Interfaces that carried traffic in <paramref name="range"/> and have no class, busiest first.</summary>
    Task<IReadOnlyList<UnclassifiedInterface>> UnclassifiedWithTrafficAsync(TimeRange range, CancellationToken cancellationToken);
}
