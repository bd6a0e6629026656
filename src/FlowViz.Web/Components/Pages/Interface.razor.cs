using System.Globalization;
using System.Net;
using FlowViz.Core.Counters;
using FlowViz.Core.Filtering;
using FlowViz.Core.Queries;
using FlowViz.Web.Components.AsAnalysis;
using FlowViz.Web.Components.Formatting;
using FlowViz.Web.Components.Interfaces;
using FlowViz.Web.Components.Traffic;
using FlowViz.Web.Interfaces;
using Microsoft.AspNetCore.Components;

namespace FlowViz.Web.Components.Pages;

/// <summary>
/// One interface (issue #6, "which ASes use an interface"): its name, description, class and speed, and stacked graphs
/// of the top origin ASes through it — entering (source AS, input ifIndex) and leaving (destination AS, output
/// ifIndex) — with their statistics, each AS linking to its own page. The filters are those of
/// <c>/api/v1/interfaces/{exporter}/{ifIndex}/as</c>, ANDed with the user's, through the tenant-scoped
/// <see cref="ITrafficQueries"/>. When the interface sends sFlow counters, a chart of its rates from them (in below the
/// axis, out above) comes first, through the tenant-scoped <see cref="IInterfaceCounterQueries"/>; it does not follow
/// the filter (counters count all traffic). Route values are checked before anything is asked. URL state, refresh and
/// the prerender's carry-over are <see cref="LiveGraphPage{TData}"/>'s.
/// </summary>
public partial class Interface
{
    public const int TopLimit = 10;

    private IPAddress? _address;
    private uint? _ifIndex;

    [Inject] private IInterfaceCounterQueries Counters { get; set; } = default!;
    [Inject] private InterfaceDirectory Directory { get; set; } = default!;

    [Parameter] public string Exporter { get; set; } = "";
    [Parameter] public string IfIndex { get; set; } = "";

    protected override string Subject => $"traffic of interface {Exporter} if {IfIndex}";

    protected override object? RouteValue => (_address, _ifIndex);

    protected override string? RouteProblem =>
        _address is null ? $"\"{Exporter}\" is not an exporter address: use an IPv4 or IPv6 address, as in /interfaces/192.0.2.1/3."
        : _ifIndex is null ? $"\"{IfIndex}\" is not an interface index: use a whole number from 0 to 4294967295."
        : null;

    private InterfaceFacts? Facts => Data?.Facts;

    private string Title => Facts?.Name is { } name ? $"{name} ({Exporter} if {IfIndex})" : $"{Exporter} if {IfIndex}";

    private string SpeedText => Facts?.SpeedBps is { } speed ? $"{TrafficUnits.BitRate(speed)} ({Facts.SpeedSource})" : "unknown";

    private string SpeedWords => Facts?.SpeedBps is { } speed ? $"; speed {TrafficUnits.BitRate(speed)}" : "";

    private string EmptyText => Filter is null
        ? "No traffic entered or left by this interface in this range: choose a longer range, or check the exporter sends interface indexes."
        : "No traffic through this interface matches this filter in this range: widen the range or clear the filter.";

    private string? AsHref(string asn) => DrillLinks.AsOfKey(asn, Selection, InUtc);

    private IEnumerable<(string Id, string Direction, SeriesResult Series, IReadOnlyList<SeriesStatsRow> Rows, string KeyHeader)> Charts =>
    [
        ("if-inbound", "entering", Data!.Inbound, Data.InboundRows, "Source AS"),
        ("if-outbound", "leaving", Data.Outbound, Data.OutboundRows, "Destination AS"),
    ];

    /// <summary>An exporter address as written in the address: an IPv4 dotted quad or an IPv6 address; null otherwise.</summary>
    public static IPAddress? ParseExporter(string? text) =>
        text is not null && (text.Contains('.', StringComparison.Ordinal) || text.Contains(':', StringComparison.Ordinal))
        && IPAddress.TryParse(text, out var address) ? address : null;

    /// <summary>An SNMP ifIndex: decimal digits only, 0–4294967295; null otherwise.</summary>
    public static uint? ParseIfIndex(string? text) =>
        uint.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var index) ? index : null;

    protected override Task OnParametersSetAsync()
    {
        (_address, _ifIndex) = (ParseExporter(Exporter), ParseIfIndex(IfIndex));
        return base.OnParametersSetAsync();
    }

    protected override async Task<InterfaceData> QueryAsync(TimeRange range, CancellationToken cancellationToken)
    {
        var (address, ifIndex, metric) = (_address!, _ifIndex!.Value, Metric);
        var step = SeriesStep.For(range.Duration);
        var key = DimensionLabels.InterfaceKey(address.ToString(), ifIndex);
        // At once (PageQueries), but for the counters' rates, which depend on the counters' series.
        var knownTask = Directory.ByKeyAsync(cancellationToken);
        var inboundTask = Traffic.SeriesAsync(
            new SeriesQuery(range, FlowDimension.SrcAs, metric.SeriesMetric, step, TopLimit, On(address, ifIndex, FilterSide.Src)), cancellationToken);
        var outboundTask = Traffic.SeriesAsync(
            new SeriesQuery(range, FlowDimension.DstAs, metric.SeriesMetric, step, TopLimit, On(address, ifIndex, FilterSide.Dst)), cancellationToken);
        var countedTask = CountersAsync(address, ifIndex, key, range, step, cancellationToken);
        await Task.WhenAll(knownTask, inboundTask, outboundTask, countedTask);
        var ((counted, rates), inbound, outbound) = (await countedTask, await inboundTask, await outboundTask);
        return new InterfaceData(range, InterfaceFacts.Of((await knownTask).GetValueOrDefault(key), rates),
            counted.Count == 0 ? null : CounterSeries.ToChart(counted, step),
            inbound, SeriesStatsRow.Of(inbound), outbound, SeriesStatsRow.Of(outbound));
    }

    /// <summary>The interface's counter series and, when it has one, its rates over the range (they carry its ifSpeed).</summary>
    private async Task<(IReadOnlyList<InterfaceCounterPoint> Counted, InterfaceCounterRates? Rates)> CountersAsync(
        IPAddress address, uint ifIndex, string key, TimeRange range, int step, CancellationToken cancellationToken)
    {
        var counted = await Counters.SeriesAsync(address, ifIndex, range, step, cancellationToken);
        // The counters' ifSpeed is only asked for when there are counters: the rates span every interface of the range.
        var rates = counted.Count == 0 ? null : (await Counters.RatesAsync(range, cancellationToken)).FirstOrDefault(r => r.Key == key);
        return (counted, rates);
    }

    /// <summary>Flows of this exporter whose input (<see cref="FilterSide.Src"/>) or output (<see cref="FilterSide.Dst"/>) ifIndex is this one.</summary>
    private FilterExpression On(IPAddress address, uint ifIndex, FilterSide side) => Within(new AndFilter(
        new ExporterFilter(FilterValues.HostNetwork(address)),
        new NumberFilter(NumberSubject.Interface, side, FilterComparison.Equal, ifIndex)));
}
