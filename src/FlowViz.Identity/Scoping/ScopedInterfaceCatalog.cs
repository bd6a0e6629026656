using FlowViz.Core.Interfaces;
using FlowViz.Core.Queries;

namespace FlowViz.Identity.Scoping;

/// <summary>
/// <see cref="IInterfaceCatalog"/> as the current viewer may see it. A restricted viewer (tenant viewer) lists only
/// the interfaces its scope names (<see cref="ViewerScope.Interfaces"/>): an AS- or prefix-only tenant lists none,
/// since an interface's name and class would tell it about traffic that is not its own. The rules, their history
/// and the unclassified-interfaces report describe every customer's interfaces and count all their traffic: a
/// restricted viewer gets none of them, and cannot save or preview rules (operators edit them). Viewers who see
/// everything get the inner catalog's answers unchanged. ScopedInterfaceCatalogTests fails for any interface
/// method this class does not implement itself.
/// </summary>
public sealed class ScopedInterfaceCatalog(IInterfaceCatalog inner, IViewerScopeSource viewer) : IInterfaceCatalog
{
    public async Task<IReadOnlyList<ClassifiedInterface>> ListAsync(CancellationToken cancellationToken)
    {
        var scope = await viewer.GetAsync(cancellationToken);
        var all = await inner.ListAsync(cancellationToken);
        return scope.IsRestricted
            ? [.. all.Where(i => scope.MaySeeInterface(i.Interface.Exporter, i.Interface.IfIndex))]
            : all;
    }

    public async Task<InterfaceRuleSet?> RulesAsync(long? version, CancellationToken cancellationToken) =>
        await IsRestrictedAsync(cancellationToken) ? null : await inner.RulesAsync(version, cancellationToken);

    public async Task<IReadOnlyList<InterfaceRuleSet>> RuleHistoryAsync(CancellationToken cancellationToken) =>
        await IsRestrictedAsync(cancellationToken) ? [] : await inner.RuleHistoryAsync(cancellationToken);

    public async Task<InterfaceRuleSet> SaveRulesAsync(IReadOnlyList<InterfaceRule> rules, string? comment, CancellationToken cancellationToken)
    {
        await RefuseRestrictedAsync("save interface rules", cancellationToken);
        return await inner.SaveRulesAsync(rules, comment, cancellationToken);
    }

    public async Task<InterfaceRuleSet> SaveRulesAsync(
        IReadOnlyList<InterfaceRule> rules, string? comment, long? editedVersion, string? savedBy, CancellationToken cancellationToken)
    {
        await RefuseRestrictedAsync("save interface rules", cancellationToken);
        return await inner.SaveRulesAsync(rules, comment, editedVersion, savedBy, cancellationToken);
    }

    public async Task<IReadOnlyList<InterfacePreview>> PreviewAsync(IReadOnlyList<InterfaceRule> rules, CancellationToken cancellationToken)
    {
        await RefuseRestrictedAsync("preview interface rules", cancellationToken);
        return await inner.PreviewAsync(rules, cancellationToken);
    }

    public async Task<IReadOnlyList<UnclassifiedInterface>> UnclassifiedWithTrafficAsync(TimeRange range, CancellationToken cancellationToken) =>
        await IsRestrictedAsync(cancellationToken) ? [] : await inner.UnclassifiedWithTrafficAsync(range, cancellationToken);

    private async Task<bool> IsRestrictedAsync(CancellationToken cancellationToken) =>
        (await viewer.GetAsync(cancellationToken)).IsRestricted;

    private async Task RefuseRestrictedAsync(string what, CancellationToken cancellationToken)
    {
        if (await IsRestrictedAsync(cancellationToken))
        {
            throw new UnauthorizedAccessException($"A tenant viewer may not {what}; operators and admins edit the interface rules.");
        }
    }
}
