using System.Globalization;
using FlowViz.Core.Filtering;
using FlowViz.Core.Queries;
using FlowViz.Web.Components.AsAnalysis;
using FlowViz.Web.Components.Charts;
using FlowViz.Web.Components.Formatting;
using FlowViz.Web.Components.Time;
using FlowViz.Web.Components.Traffic;
using FlowViz.Web.Interfaces;
using Microsoft.AspNetCore.Components;

namespace FlowViz.Web.Components.Pages;

/// <summary>
/// One origin AS (issue #6), reached from <c>/as</c>: the interfaces its traffic enters by (stacked by input interface)
/// and leaves by (by output interface) over time, with avg / max / 95th percentile / total, each interface named and
/// classed from the catalogue and linking to its own page; a sankey AS → connectivity → interface; its prefixes (source
/// prefix of its traffic in, destination prefix out, from the raw flows' masks: <see cref="AsPrefixes"/>); and its top
/// source / destination addresses and countries. The filters are those of <c>/api/v1/as/{asn}/interfaces</c> (source AS = asn in,
/// destination AS = asn out) as filter trees ANDed with the user's filter, through the tenant-scoped
/// <see cref="ITrafficQueries"/>. State is in the URL.
/// </summary>
public partial class OriginAs
{
    public const int TopLimit = 10;

    private RangeSelection _selection = RangeSelection.Default;
    private MetricChoice _metric = MetricChoice.Bits;
    private string? _filterText;
    private FilterExpression? _filter;
    private uint? _asn;
    private OriginAsData? _data;
    private string? _error;
    private bool _loaded;

    [Inject] private ITrafficQueries Traffic { get; set; } = default!;
    [Inject] private ILogger<OriginAs> Logger { get; set; } = default!;
    [Inject] private InterfaceDirectory Directory { get; set; } = default!;

    [Parameter] public string Asn { get; set; } = "";


    /// <summary>What the top tables rank by: bytes for the bits view (as the API does), else packets or flows.</summary>
    private string RankUnit => _metric.RankMetric switch { TrafficMetric.Packets => "packets", TrafficMetric.Flows => "flows", _ => "bytes" };

    private string RankValue(TopRow row) => _metric.RankMetric switch
    {
        TrafficMetric.Packets => TrafficUnits.Count(row.Packets),
        TrafficMetric.Flows => TrafficUnits.Count(row.Flows),
        _ => TrafficUnits.ByteCount(row.Bytes),
    };

    private static IEnumerable<(string Id, string Direction, SeriesResult Series, IReadOnlyList<SeriesStatsRow> Rows, string Header)> Directions(OriginAsData data) =>
    [
        ("as-interfaces", "from", data.Series, data.Rows, "Input interface"),
        ("as-outbound-interfaces", "to", data.Outbound, data.OutboundRows, "Output interface"),
    ];

    private string? InterfaceHref(string key) => DrillLinks.InterfaceOfKey(key, _selection, InUtc);

    /// <summary>What the interface rows show besides their key: from the catalogue, blank when it does not know the interface.</summary>
    private IReadOnlyList<SeriesStatsDetail> InterfaceDetails =>
    [
        new("Exporter", key => DimensionLabels.TryParseInterfaceKey(key, out var exporter, out _) ? exporter : null),
        new("Name", key => _data?.Interfaces.GetValueOrDefault(key)?.Interface.Name),
        new("Connectivity", key => _data?.Interfaces.GetValueOrDefault(key)?.Class?.Connectivity ?? AsInterfaceSankey.Unclassified),
        new("Provider", key => _data?.Interfaces.GetValueOrDefault(key)?.Class?.Provider),
    ];

    private (IReadOnlyList<SankeyNode> Nodes, IReadOnlyList<SankeyLink> Links) SankeyOf(OriginAsData data) =>
        AsInterfaceSankey.Build(_asn!.Value, data.Rows.Concat(data.OutboundRows), data.Interfaces);

    /// <summary>A sankey value is a series total: bits for the bits view (shown as bytes, as the tables do), else packets or flows.</summary>
    private string TotalText(double total) => _metric == MetricChoice.Bits
        ? TrafficUnits.ByteCount((long)Math.Round(total / 8))
        : $"{TrafficUnits.Count((long)Math.Round(total))} {_metric.Name}";

    /// <summary>An AS number as written in the address: decimal digits only, 0–4294967295; null otherwise.</summary>
    public static uint? ParseAsn(string? text) =>
        uint.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var asn) ? asn : null;

    protected override async Task OnParametersSetAsync()
    {
        var asn = ParseAsn(Asn);
        var selection = UrlRange;
        var metric = UrlMetric;
        var filterText = UrlFilterText;
        if (_loaded && asn == _asn && selection == _selection && metric == _metric && filterText == _filterText)
        {
            return;
        }
        (_asn, _selection, _metric, _filterText, _loaded) = (asn, selection, metric, filterText, true);
        if (asn is null)
        {
            (_filter, _data, _error) = (null, null, $"\"{Asn}\" is not an AS number: use a whole number from 0 to 4294967295.");
            return;
        }
        (_filter, var filterError) = ParseFilter(filterText);
        if (filterError is not null)
        {
            (_data, _error) = (null, filterError);
            return;
        }
        await LoadAsync(asn.Value);
    }

    private async Task LoadAsync(uint asn)
    {
        try
        {
            var range = _selection.Resolve(Clock.GetUtcNow());
            var filter = FromAs(asn);
            var step = SeriesStep.For(range.Duration);
            var series = await Traffic.SeriesAsync(
                new SeriesQuery(range, FlowDimension.InputInterface, _metric.SeriesMetric, step, TopLimit, filter), CancellationToken.None);
            var outbound = await Traffic.SeriesAsync(
                new SeriesQuery(range, FlowDimension.OutputInterface, _metric.SeriesMetric, step, TopLimit, ToAs(asn)), CancellationToken.None);
            var interfaces = await Directory.ByKeyAsync(CancellationToken.None);
            var tops = new List<(string, string, TopResult)>();
            foreach (var (by, title, header) in TopTables)
            {
                tops.Add((title, header, await Traffic.TopAsync(new TopQuery(range, by, _metric.RankMetric, TopLimit, filter), CancellationToken.None)));
            }
            var prefixes = await AsPrefixes.QueryAsync(Traffic, asn, range, _metric.RankMetric, TopLimit, _filter, CancellationToken.None);
            (_data, _error) = (new OriginAsData(range, series, SeriesStatsRow.Of(series), outbound, SeriesStatsRow.Of(outbound), interfaces, tops, prefixes), null);
        }
        catch (FilterNotSupportedException e)
        {
            (_data, _error) = (null, $"This filter cannot be answered yet: {e.Message}");
        }
        catch (Exception e)
        {
            Logger.LogWarning(e, "Origin AS {Asn} query failed for {Range}", asn, _selection);
            (_data, _error) = (null, $"Could not load traffic of AS {asn}: {e.Message}");
        }
    }

    private static readonly (FlowDimension By, string Title, string KeyHeader)[] TopTables =
    [
        (FlowDimension.SrcAddr, "Top source addresses", "Source address"),
        (FlowDimension.DstAddr, "Top destination addresses", "Destination address"),
        (FlowDimension.SrcCountry, "Top source countries", "Source country"),
        (FlowDimension.DstCountry, "Top destination countries", "Destination country"),
    ];

    /// <summary>Destination AS = asn (the outbound filter of <c>/api/v1/as/{asn}/interfaces</c>), ANDed with the user's filter.</summary>
    private FilterExpression ToAs(uint asn)
    {
        var scope = new NumberFilter(NumberSubject.As, FilterSide.Dst, FilterComparison.Equal, asn);
        return _filter is null ? scope : new AndFilter(scope, _filter);
    }

    /// <summary>Source AS = asn (the inbound filter of <c>/api/v1/as/{asn}/interfaces</c>), ANDed with the user's filter.</summary>
    private FilterExpression FromAs(uint asn)
    {
        var scope = new NumberFilter(NumberSubject.As, FilterSide.Src, FilterComparison.Equal, asn);
        return _filter is null ? scope : new AndFilter(scope, _filter);
    }
}
