using System.Globalization;
using System.Net;
using FlowViz.Core.Counters;
using FlowViz.Core.Filtering;
using FlowViz.Core.Interfaces;
using FlowViz.Core.Queries;
using FlowViz.Web.Components.AsAnalysis;
using FlowViz.Web.Components.Interfaces;
using FlowViz.Web.Components.Time;
using FlowViz.Web.Components.Traffic;
using FlowViz.Web.Interfaces;
using Microsoft.AspNetCore.Components;

namespace FlowViz.Web.Components.Pages;

/// <summary>
/// One interface (issue #6, "which ASes use an interface"): its name, description and class from the catalogue, and
/// stacked graphs of the top origin ASes through it — entering (source AS, input ifIndex) and leaving (destination
/// AS, output ifIndex) — with their statistics, each AS linking to its own page. The filters are those of
/// <c>/api/v1/interfaces/{exporter}/{ifIndex}/as</c>, ANDed with the user's, through the tenant-scoped
/// <see cref="ITrafficQueries"/>. When the interface sends sFlow counters, a chart of its rates from them (in below the
/// axis, out above) comes first, through the tenant-scoped <see cref="IInterfaceCounterQueries"/>; it does not follow
/// the filter (counters count all traffic). Route values are checked before anything is asked.
/// </summary>
public partial class Interface
{
    public const int TopLimit = 10;

    private RangeSelection _selection = RangeSelection.Default;
    private MetricChoice _metric = MetricChoice.Bits;
    private string? _filterText;
    private FilterExpression? _filter;
    private IPAddress? _address;
    private uint? _ifIndex;
    private ClassifiedInterface? _known;
    private bool _catalogRead;
    private InterfaceData? _data;
    private SeriesResult? _counters;
    private TimeRange? _countersRange;
    private string? _error;
    private bool _loaded;

    [Inject] private ITrafficQueries Traffic { get; set; } = default!;
    [Inject] private IInterfaceCounterQueries Counters { get; set; } = default!;
    [Inject] private InterfaceDirectory Directory { get; set; } = default!;
    [Inject] private ILogger<Interface> Logger { get; set; } = default!;

    [Parameter] public string Exporter { get; set; } = "";
    [Parameter] public string IfIndex { get; set; } = "";

    private string Title => _known?.Interface.Name is { } name ? $"{name} ({Exporter} if {IfIndex})" : $"{Exporter} if {IfIndex}";

    private string SpeedWords => _known?.Interface.SpeedBps is { } speed ? $"; speed {Formatting.TrafficUnits.BitRate(speed)}" : "";

    private string? AsHref(string asn) => DrillLinks.AsOfKey(asn, _selection, InUtc);

    private IEnumerable<(string Id, string Direction, SeriesResult Series, IReadOnlyList<SeriesStatsRow> Rows, string KeyHeader)> Charts =>
    [
        ("if-inbound", "entering", _data!.Inbound, _data.InboundRows, "Source AS"),
        ("if-outbound", "leaving", _data.Outbound, _data.OutboundRows, "Destination AS"),
    ];

    /// <summary>An exporter address as written in the address: an IPv4 dotted quad or an IPv6 address; null otherwise.</summary>
    public static IPAddress? ParseExporter(string? text) =>
        text is not null && (text.Contains('.', StringComparison.Ordinal) || text.Contains(':', StringComparison.Ordinal))
        && IPAddress.TryParse(text, out var address) ? address : null;

    /// <summary>An SNMP ifIndex: decimal digits only, 0–4294967295; null otherwise.</summary>
    public static uint? ParseIfIndex(string? text) =>
        uint.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var index) ? index : null;

    protected override async Task OnParametersSetAsync()
    {
        var address = ParseExporter(Exporter);
        var ifIndex = ParseIfIndex(IfIndex);
        var selection = UrlRange;
        var metric = UrlMetric;
        var filterText = UrlFilterText;
        if (_loaded && Equals(address, _address) && ifIndex == _ifIndex && selection == _selection && metric == _metric && filterText == _filterText)
        {
            return;
        }
        (_address, _ifIndex, _selection, _metric, _filterText, _loaded) = (address, ifIndex, selection, metric, filterText, true);
        if (address is null || ifIndex is null)
        {
            (_filter, _data, _known, _counters) = (null, null, null, null);
            _error = address is null
                ? $"\"{Exporter}\" is not an exporter address: use an IPv4 or IPv6 address, as in /interfaces/192.0.2.1/3."
                : $"\"{IfIndex}\" is not an interface index: use a whole number from 0 to 4294967295.";
            return;
        }
        (_filter, var filterError) = ParseFilter(filterText);
        if (filterError is not null)
        {
            (_data, _counters, _error) = (null, null, filterError);
            return;
        }
        await LoadAsync(address, ifIndex.Value);
    }

    private async Task LoadAsync(IPAddress address, uint ifIndex)
    {
        try
        {
            var range = _selection.Resolve(Clock.GetUtcNow());
            var step = SeriesStep.For(range.Duration);
            var known = await Directory.ByKeyAsync(CancellationToken.None);
            (_known, _catalogRead) = (known.GetValueOrDefault(DimensionLabels.InterfaceKey(address.ToString(), ifIndex)), true);
            var counted = await Counters.SeriesAsync(address, ifIndex, range, step, CancellationToken.None);
            (_counters, _countersRange) = (counted.Count == 0 ? null : CounterSeries.ToChart(counted, step), range);
            var inbound = await Traffic.SeriesAsync(
                new SeriesQuery(range, FlowDimension.SrcAs, _metric.SeriesMetric, step, TopLimit, On(address, ifIndex, FilterSide.Src)), CancellationToken.None);
            var outbound = await Traffic.SeriesAsync(
                new SeriesQuery(range, FlowDimension.DstAs, _metric.SeriesMetric, step, TopLimit, On(address, ifIndex, FilterSide.Dst)), CancellationToken.None);
            (_data, _error) = (new InterfaceData(range, inbound, SeriesStatsRow.Of(inbound), outbound, SeriesStatsRow.Of(outbound)), null);
        }
        catch (FilterNotSupportedException e)
        {
            (_data, _error) = (null, $"This filter cannot be answered yet: {e.Message}");
        }
        catch (Exception e)
        {
            Logger.LogWarning(e, "Interface {Exporter}/{IfIndex} query failed for {Range}", address, ifIndex, _selection);
            (_data, _counters, _error) = (null, null, $"Could not load traffic of interface {address} if {ifIndex}: {e.Message}");
        }
    }

    /// <summary>Flows of this exporter whose input (<see cref="FilterSide.Src"/>) or output (<see cref="FilterSide.Dst"/>) ifIndex is this one.</summary>
    private FilterExpression On(IPAddress address, uint ifIndex, FilterSide side)
    {
        FilterExpression scope = new AndFilter(
            new ExporterFilter(FilterValues.HostNetwork(address)),
            new NumberFilter(NumberSubject.Interface, side, FilterComparison.Equal, ifIndex));
        return _filter is null ? scope : new AndFilter(scope, _filter);
    }
}
