using FlowViz.Core.Interfaces;
using FlowViz.Enrichment;
using FlowViz.Web.Settings;

namespace FlowViz.Web.Components.Settings;

/// <summary>Edits the interface classification rules: rows, preview of each known interface's class, save with the version.</summary>
public partial class InterfaceRulesEditor
{
    private IReadOnlyList<InterfacePreview>? _preview;

    protected override async Task<(long? Version, IEnumerable<InterfaceRule> Rows, IReadOnlyList<HistoryEntry> History)> LoadAsync(CancellationToken cancellationToken)
    {
        var current = await Editor.InterfaceRulesAsync(cancellationToken);
        var history = await Editor.InterfaceRuleHistoryAsync(cancellationToken);
        return (current?.Version,
            (current?.Rules ?? []).Select(Copy),
            [.. history.Select(v => new HistoryEntry(v.Version, v.Source, v.SavedBy, v.Comment, v.CreatedAt, v.Rules.Count))]);
    }

    // The classifier checks regular expressions and templates; it answers with every mistake at once.
    protected override IReadOnlyList<RowError> CheckRows()
    {
        try
        {
            InterfaceClassifier.Compile(Candidate());
            return [];
        }
        catch (InterfaceRulesException exception)
        {
            return ToRowErrors(exception);
        }
    }

    protected override async Task ShowPreviewAsync(CancellationToken cancellationToken) =>
        _preview = await Editor.PreviewInterfaceRulesAsync(Candidate(), cancellationToken);

    protected override void ClearPreview() => _preview = null;

    protected override async Task<long> SaveRowsAsync(long? editedVersion, string? comment, CancellationToken cancellationToken) =>
        (await Editor.SaveInterfaceRulesAsync(Candidate(), editedVersion, new SettingsSave(User, null, comment), cancellationToken)).Version;

    protected override bool TryReadMistakes(Exception exception, out IReadOnlyList<RowError> errors)
    {
        errors = exception is InterfaceRulesException invalid ? ToRowErrors(invalid) : [];
        return exception is InterfaceRulesException;
    }

    private static IReadOnlyList<RowError> ToRowErrors(InterfaceRulesException exception) =>
        [.. exception.Errors.Select(e => new RowError(e.RuleIndex, e.Field, e.Message))];

    private static string Describe(InterfaceClass? c) =>
        c is null ? "unclassified" : string.Join(" · ", new[] { c.Connectivity, c.Provider, c.Boundary }.Where(s => !string.IsNullOrEmpty(s)));

    private List<InterfaceRule> Candidate() => [.. Rows.Select(Copy)];

    private static InterfaceRule Copy(InterfaceRule r) => new()
    {
        Exporter = Blank(r.Exporter), IfIndex = r.IfIndex, Name = Blank(r.Name), Description = Blank(r.Description),
        Connectivity = Blank(r.Connectivity), Provider = Blank(r.Provider), Boundary = Blank(r.Boundary),
    };

    private static string? Blank(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();
}
