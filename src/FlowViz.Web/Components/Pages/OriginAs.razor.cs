using System.Globalization;
using FlowViz.Core.Filtering;
using FlowViz.Core.Queries;
using FlowViz.Web.Components.AsAnalysis;
using FlowViz.Web.Components.Formatting;
using FlowViz.Web.Components.Time;
using FlowViz.Web.Components.Traffic;
using Microsoft.AspNetCore.Components;

namespace FlowViz.Web.Components.Pages;

/// <summary>
/// One origin AS (issue #6), reached from <c>/as</c>: the interfaces its traffic enters by over time (a stacked series
/// by input interface, with avg / max / 95th percentile / total) and its top source / destination addresses and
/// countries. The filter is the one of <c>/api/v1/as/{asn}/interfaces</c> for inbound traffic (source AS = asn), as a
/// filter tree ANDed with the user's filter, through the tenant-scoped <see cref="ITrafficQueries"/>. State is in the URL.
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

    [Parameter] public string Asn { get; set; } = "";


    /// <summary>What the top tables rank by: bytes for the bits view (as the API does), else packets or flows.</summary>
    private string RankUnit => _metric.RankMetric switch { TrafficMetric.Packets => "packets", TrafficMetric.Flows => "flows", _ => "bytes" };

    private string RankValue(TopRow row) => _metric.RankMetric switch
    {
        TrafficMetric.Packets => TrafficUnits.Count(row.Packets),
        TrafficMetric.Flows => TrafficUnits.Count(row.Flows),
        _ => TrafficUnits.ByteCount(row.Bytes),
    };

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
            var series = await Traffic.SeriesAsync(
                new SeriesQuery(range, FlowDimension.InputInterface, _metric.SeriesMetric, SeriesStep.For(range.Duration), TopLimit, filter),
                CancellationToken.None);
            var tops = new List<(string, string, TopResult)>();
            foreach (var (by, title, header) in TopTables)
            {
                tops.Add((title, header, await Traffic.TopAsync(new TopQuery(range, by, _metric.RankMetric, TopLimit, filter), CancellationToken.None)));
            }
            (_data, _error) = (new OriginAsData(range, series, SeriesStatsRow.Of(series), tops), null);
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

    /// <summary>Source AS = asn (the inbound filter of <c>/api/v1/as/{asn}/interfaces</c>), ANDed with the user's filter.</summary>
    private FilterExpression FromAs(uint asn)
    {
        var scope = new NumberFilter(NumberSubject.As, FilterSide.Src, FilterComparison.Equal, asn);
        return _filter is null ? scope : new AndFilter(scope, _filter);
    }
}
