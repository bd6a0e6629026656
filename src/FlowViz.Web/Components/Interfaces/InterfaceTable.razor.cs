using System.Globalization;
using FlowViz.Web.Components.Formatting;
using Microsoft.AspNetCore.Components;

namespace FlowViz.Web.Components.Interfaces;

/// <summary>
/// The Interfaces page's table: one row per interface, each linking to its own page. First shown in the order an
/// operator works in (unclassified interfaces carrying traffic, busiest first, then the rest by traffic); a click
/// on a column head sorts by it (again to reverse).
/// </summary>
public partial class InterfaceTable
{
    private InterfaceColumn _sort = InterfaceColumn.Attention;
    private bool _descending = true;

    [Parameter, EditorRequired] public IReadOnlyList<InterfaceRow> Rows { get; set; } = [];
    [Parameter, EditorRequired] public Func<InterfaceRow, string> InterfaceHref { get; set; } = _ => "";
    [Parameter] public string Caption { get; set; } = "Interfaces";

    private static readonly (InterfaceColumn, string, bool)[] Headers =
    [
        (InterfaceColumn.Interface, "Interface", false), (InterfaceColumn.Name, "Name", false),
        (InterfaceColumn.Connectivity, "Class", false), (InterfaceColumn.Provider, "Provider", false),
        (InterfaceColumn.In, "In", true), (InterfaceColumn.Out, "Out", true),
        (InterfaceColumn.InUtilization, "In util.", true), (InterfaceColumn.OutUtilization, "Out util.", true),
    ];

    private IEnumerable<InterfaceRow> SortedRows => _sort switch
    {
        InterfaceColumn.Attention => Rows.OrderByDescending(r => r.NeedsClass).ThenByDescending(r => r.InBytes + r.OutBytes)
            .ThenBy(r => r.Exporter, StringComparer.Ordinal).ThenBy(r => r.IfIndex),
        InterfaceColumn.Interface => _descending
            ? Rows.OrderByDescending(r => r.Exporter, StringComparer.Ordinal).ThenByDescending(r => r.IfIndex)
            : Rows.OrderBy(r => r.Exporter, StringComparer.Ordinal).ThenBy(r => r.IfIndex),
        InterfaceColumn.Name => Text(r => r.Name),
        InterfaceColumn.Connectivity => Text(r => r.Class?.Connectivity),
        InterfaceColumn.Provider => Text(r => r.Class?.Provider),
        InterfaceColumn.In => Number(r => r.InBytes),
        InterfaceColumn.Out => Number(r => r.OutBytes),
        InterfaceColumn.InUtilization => Number(r => r.InUtilization ?? -1),
        _ => Number(r => r.OutUtilization ?? -1),
    };

    // Blank text sorts after every name whichever the direction, so "unclassified" rows do not hide the named ones.
    private IEnumerable<InterfaceRow> Text(Func<InterfaceRow, string?> value)
    {
        var named = Rows.Where(r => !string.IsNullOrEmpty(value(r)));
        var sorted = _descending
            ? named.OrderByDescending(r => value(r), StringComparer.OrdinalIgnoreCase)
            : named.OrderBy(r => value(r), StringComparer.OrdinalIgnoreCase);
        return sorted.Concat(Rows.Where(r => string.IsNullOrEmpty(value(r))));
    }

    private IEnumerable<InterfaceRow> Number(Func<InterfaceRow, double> value) =>
        _descending ? Rows.OrderByDescending(value) : Rows.OrderBy(value);

    private void SortBy(InterfaceColumn column)
    {
        var numeric = column is InterfaceColumn.In or InterfaceColumn.Out or InterfaceColumn.InUtilization or InterfaceColumn.OutUtilization;
        _descending = column == _sort ? !_descending : numeric;
        _sort = column;
    }

    private string AriaSort(InterfaceColumn column) =>
        column != _sort ? "none" : _descending ? "descending" : "ascending";

    private static string SourceClass(RateSource source) => source == RateSource.Counters ? "counters" : "flows";

    /// <summary>The utilisation as a round-trippable number, for tests and scripts to compare without the display's rounding.</summary>
    private static string? Exact(double? share) => share?.ToString("R", CultureInfo.InvariantCulture);

    private static string Percent(double share) => (share * 100).ToString("0.0", CultureInfo.InvariantCulture) + "%";
}
