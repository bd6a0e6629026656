using System.Globalization;
using FlowViz.Web.Components.Formatting;
using FlowViz.Web.Exporters;
using Microsoft.AspNetCore.Components;

namespace FlowViz.Web.Components.Exporters;

/// <summary>
/// One row per exporter, sortable by any column. A silent exporter's row is marked red and says "Silent"
/// in words, so the state does not depend on seeing colour.
/// </summary>
public partial class ExporterTable
{
    [Parameter, EditorRequired] public IReadOnlyList<ExporterReport> Rows { get; set; } = [];

    [Parameter] public ExporterSort Sort { get; set; } = ExporterSort.Default;

    [Parameter] public EventCallback<ExporterSort> SortChanged { get; set; }

    /// <summary>The time "last seen" and silence are measured against.</summary>
    [Parameter] public DateTimeOffset Now { get; set; }

    [Parameter] public TimeZoneInfo TimeZone { get; set; } = TimeZoneInfo.Utc;

    private string AriaSort(ExporterColumn column) =>
        column != Sort.Column ? "none" : Sort.Descending ? "descending" : "ascending";

    private string SortMark(ExporterColumn column) =>
        column != Sort.Column ? "" : Sort.Descending ? " ▼" : " ▲";

    private static string SamplingText(ExporterReport row) => row.SamplingRates.Count == 0
        ? "–"
        : string.Join(", ", row.SamplingRates.Select(s => s.Rate == 1 ? "unsampled" : $"1:{s.Rate}"));

    private static string LossText(ExporterReport row) => row.SequenceExpected == 0
        ? "–"
        : $"{TrafficUnits.Count(row.SequenceLost)} ({(100 * row.LossRatio).ToString("0.00", CultureInfo.InvariantCulture)}%)";

    private static string MalformedText(ExporterReport row) => row.MalformedTotal == 0
        ? "0"
        : string.Join(", ", row.Malformed.OrderBy(m => m.Key, StringComparer.Ordinal).Select(m => $"{m.Key} {TrafficUnits.Exact(m.Value)}"));

    private string LastSeenText(ExporterReport row)
    {
        if (row.LastSeenUtc is not { } seen)
        {
            return "never";
        }
        var ago = Now - new DateTimeOffset(seen, TimeSpan.Zero);
        return ago < TimeSpan.FromSeconds(1) ? "just now"
            : ago < TimeSpan.FromMinutes(1) ? FormattableString.Invariant($"{ago.TotalSeconds:0} s ago")
            : ago < TimeSpan.FromHours(1) ? FormattableString.Invariant($"{ago.TotalMinutes:0} min ago")
            : ago < TimeSpan.FromDays(2) ? FormattableString.Invariant($"{ago.TotalHours:0.#} h ago")
            : FormattableString.Invariant($"{ago.TotalDays:0} days ago");
    }

    private string? LastSeenExact(ExporterReport row) => row.LastSeenUtc is { } seen
        ? TimeZoneInfo.ConvertTime(new DateTimeOffset(seen, TimeSpan.Zero), TimeZone).ToString("yyyy-MM-dd HH:mm:ss zzz", CultureInfo.InvariantCulture) + $" ({TimeZone.Id})"
        : null;
}
