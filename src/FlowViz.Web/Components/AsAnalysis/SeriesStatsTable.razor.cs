using FlowViz.Web.Components.Formatting;
using Microsoft.AspNetCore.Components;

namespace FlowViz.Web.Components.AsAnalysis;

/// <summary>
/// The figures under a stacked graph, one row per series, sortable by clicking a column head (again to reverse).
/// Totals are the rate × step summed: bits for bit/s (shown as bytes, as nfdump does), packets or flows otherwise.
/// </summary>
public partial class SeriesStatsTable
{
    private SeriesStatsColumn _sort = SeriesStatsColumn.Total;
    private bool _descending = true;

    [Parameter, EditorRequired] public IReadOnlyList<SeriesStatsRow> Rows { get; set; } = [];
    [Parameter, EditorRequired] public string Unit { get; set; } = TrafficUnits.BitsPerSecond;
    [Parameter] public string KeyHeader { get; set; } = "Key";
    [Parameter] public string Caption { get; set; } = "";
    /// <summary>A link for a row's key (e.g. an AS's own page); null (or null for a key, such as "none") for plain text.</summary>
    [Parameter] public Func<string, string?>? KeyHref { get; set; }
    /// <summary>Columns after the key that describe it (an interface's name, class, provider); none by default.</summary>
    [Parameter] public IReadOnlyList<SeriesStatsDetail> Details { get; set; } = [];

    private string TotalUnit => Unit == TrafficUnits.BitsPerSecond ? "bytes" : Unit.Replace("/s", "", StringComparison.Ordinal);

    private IEnumerable<(SeriesStatsColumn, string)> Headers =>
    [
        (SeriesStatsColumn.Label, KeyHeader), (SeriesStatsColumn.Avg, "Avg"), (SeriesStatsColumn.Max, "Max"),
        (SeriesStatsColumn.Percentile95, "95th pct"), (SeriesStatsColumn.Total, "Total"),
    ];

    private IEnumerable<SeriesStatsRow> SortedRows
    {
        get
        {
            var named = Rows.Where(r => !r.IsOther);
            var sorted = _sort == SeriesStatsColumn.Label
                ? (_descending ? named.OrderByDescending(r => r.Label, StringComparer.OrdinalIgnoreCase) : named.OrderBy(r => r.Label, StringComparer.OrdinalIgnoreCase))
                : (_descending ? named.OrderByDescending(Value) : named.OrderBy(Value));
            return sorted.Concat(Rows.Where(r => r.IsOther));
        }
    }

    private double Value(SeriesStatsRow row) => _sort switch
    {
        SeriesStatsColumn.Avg => row.Stats.Avg,
        SeriesStatsColumn.Max => row.Stats.Max,
        SeriesStatsColumn.Percentile95 => row.Stats.Percentile95,
        _ => row.Stats.Total,
    };

    private void SortBy(SeriesStatsColumn column)
    {
        _descending = column == _sort ? !_descending : column != SeriesStatsColumn.Label;
        _sort = column;
    }

    private string AriaSort(SeriesStatsColumn column) =>
        column != _sort ? "none" : _descending ? "descending" : "ascending";

    private string Rate(double value) => TrafficUnits.Rate(value, Unit);

    private string Total(double value) => Unit == TrafficUnits.BitsPerSecond
        ? TrafficUnits.ByteCount((long)Math.Round(value / 8))
        : TrafficUnits.Count((long)Math.Round(value));
}
