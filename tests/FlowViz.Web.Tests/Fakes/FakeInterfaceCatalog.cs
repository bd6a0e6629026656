using System.Net;
using FlowViz.Core.Interfaces;

namespace FlowViz.Web.Tests.Fakes;

/// <summary>Lists <see cref="Interfaces"/> as the catalogue would; the rule operations are not the pages' business here.</summary>
public sealed class FakeInterfaceCatalog : IInterfaceCatalog
{
    public List<ClassifiedInterface> Interfaces { get; } = [];

    public int ListCalls { get; private set; }

    public void Add(string exporter, long ifIndex, string? name, InterfaceClass? classes, long? speedBps = null, params string[] sources) =>
        Interfaces.Add(new ClassifiedInterface(
            new KnownInterface(IPAddress.Parse(exporter), ifIndex, name, name is null ? null : $"{name} description", speedBps,
                sources.Length == 0 ? ["flows"] : sources, Sample.Now.AddDays(-1), Sample.Now),
            classes));

    public Task<IReadOnlyList<ClassifiedInterface>> ListAsync(CancellationToken cancellationToken)
    {
        ListCalls++;
        return Task.FromResult<IReadOnlyList<ClassifiedInterface>>(Interfaces);
    }

    public Task<InterfaceRuleSet?> RulesAsync(long? version, CancellationToken cancellationToken) => throw new NotSupportedException();

    public Task<IReadOnlyList<InterfaceRuleSet>> RuleHistoryAsync(CancellationToken cancellationToken) => throw new NotSupportedException();

    public Task<InterfaceRuleSet> SaveRulesAsync(IReadOnlyList<InterfaceRule> rules, string? comment, CancellationToken cancellationToken) =>
        throw new NotSupportedException();

    public Task<InterfaceRuleSet> SaveRulesAsync(
        IReadOnlyList<InterfaceRule> rules, string? comment, long? editedVersion, string? savedBy, CancellationToken cancellationToken) =>
        throw new NotSupportedException();

    public Task<IReadOnlyList<InterfacePreview>> PreviewAsync(IReadOnlyList<InterfaceRule> rules, CancellationToken cancellationToken) =>
        throw new NotSupportedException();

    public Task<IReadOnlyList<UnclassifiedInterface>> UnclassifiedWithTrafficAsync(TimeRange range, CancellationToken cancellationToken) =>
        throw new NotSupportedException();
}
