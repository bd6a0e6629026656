using System.Globalization;
using FlowViz.Core.Flows;
using FlowViz.Core.Queries;
using Microsoft.AspNetCore.Components;

namespace FlowViz.Web.Components.Flows;

/// <summary>
/// Raw flows as nfdump prints them (one line per flow, sampled counters scaled up), with header buttons for
/// the columns the query service sorts by. Clicking the sorted column flips the order; another column sorts
/// descending first (largest or newest first, like the API's default).
/// </summary>
public partial class FlowTable
{
    [Parameter, EditorRequired] public IReadOnlyList<FlowRecord> Flows { get; set; } = [];

    [Parameter] public string SortBy { get; set; } = FlowSortColumns.Default;

    [Parameter] public bool Descending { get; set; } = true;

    /// <summary>The new (column, descending) when a header is clicked.</summary>
    [Parameter] public EventCallback<(string SortBy, bool Descending)> SortChanged { get; set; }

    [Parameter] public TimeZoneInfo TimeZone { get; set; } = TimeZoneInfo.Utc;

    [Parameter] public string Caption { get; set; } = "Raw flows";

    private Task OnSortClicked(string key) =>
        SortChanged.InvokeAsync(key == SortBy ? (key, !Descending) : (key, true));

    private string? AriaSort(FlowColumn column) => column.SortKey is { } key && key == SortBy
        ? (Descending ? "descending" : "ascending")
        : null;

    private string SortMark(FlowColumn column) => column.SortKey == SortBy ? (Descending ? " ▼" : " ▲") : "";

    private string TimeText(DateTime utc) =>
        TimeZoneInfo.ConvertTimeFromUtc(DateTime.SpecifyKind(utc, DateTimeKind.Utc), TimeZone)
            .ToString("yyyy-MM-dd HH:mm:ss.fff", CultureInfo.InvariantCulture);

    // IPv6 addresses are bracketed so the port stays readable, as in URLs (RFC 3986 §3.2.2).
    private static string Endpoint(FlowAddress address, ushort port)
    {
        var text = address.ToString();
        return text.Contains(':', StringComparison.Ordinal) ? $"[{text}]:{port}" : $"{text}:{port}";
    }

    private static string DirectionText(TrafficDirection direction) => direction switch
    {
        TrafficDirection.In => "in",
        TrafficDirection.Out => "out",
        TrafficDirection.Internal => "internal",
        TrafficDirection.Transit => "transit",
        _ => "–",
    };

    private static string CountryText(FlowRecord flow) =>
        $"{CountryCodes.Format(flow.SrcCountry) ?? "–"} → {CountryCodes.Format(flow.DstCountry) ?? "–"}";
}
