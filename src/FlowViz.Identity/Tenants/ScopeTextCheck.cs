namespace FlowViz.Identity.Tenants;

/// <summary>
/// Checks a scope as typed on the tenant page: every entry is parsed by <see cref="TenantScopeText"/> (so the
/// editor accepts exactly what the CLI and the API accept), and every bad one is reported at its position,
/// not only the first.
/// </summary>
public sealed record ScopeTextCheck(IReadOnlyList<TenantScopeEntry> Entries, IReadOnlyList<ScopeTextError> Errors)
{
    private static readonly char[] Separators = [',', '\n', ';'];

    public bool IsValid => Errors.Count == 0;

    public static ScopeTextCheck Of(string? text)
    {
        text ??= "";
        var entries = new List<TenantScopeEntry>();
        var errors = new List<ScopeTextError>();
        var start = 0;
        while (start <= text.Length)
        {
            var end = text.IndexOfAny(Separators, start);
            if (end < 0)
            {
                end = text.Length;
            }
            Check(text, start, end, entries, errors);
            start = end + 1;
        }
        return new ScopeTextCheck(entries, errors);
    }

    private static void Check(string text, int start, int end, List<TenantScopeEntry> entries, List<ScopeTextError> errors)
    {
        var item = text[start..end];
        var trimmed = item.Trim();
        if (trimmed.Length == 0)
        {
            return;
        }
        try
        {
            entries.AddRange(TenantScopeText.Parse(trimmed));
        }
        catch (AccountException e)
        {
            var at = start + item.IndexOf(trimmed, StringComparison.Ordinal);
            var lineStart = at == 0 ? 0 : text.LastIndexOf('\n', at - 1) + 1;
            var line = text.AsSpan(0, at).Count('\n') + 1;
            errors.Add(new ScopeTextError(at, trimmed.Length, line, at - lineStart + 1, e.Message));
        }
    }
}
