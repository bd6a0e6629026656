using System.Globalization;
using FlowViz.Core.Filtering;
using FlowViz.Core.Queries;
using FlowViz.Web.Components.AsAnalysis;
using FlowViz.Web.Components.Charts;
using FlowViz.Web.Components.Formatting;
using FlowViz.Web.Components.Traffic;
using FlowViz.Web.Interfaces;
using Microsoft.AspNetCore.Components;

namespace FlowViz.Web.Components.Pages;

/// <summary>
/// One origin AS (issue #6), reached from <c>/as</c>: the interfaces its traffic enters by (stacked by input interface)
/// and leaves by (by output interface) over time, with avg / max / 95th percentile / total, each interface named and
/// classed from the catalogue and linking to its own page; a sankey AS → connectivity → interface; its prefixes (source
/// prefix of its traffic in, destination prefix out, from the raw flows' masks: <see cref="AsPrefixes"/>); and its top
/// addresses and countries, of the traffic from it and of the traffic to it. The filters are those of
/// <c>/api/v1/as/{asn}/interfaces</c> (source AS = asn in, destination AS = asn out) as filter trees ANDed with the
/// user's filter, through the tenant-scoped <see cref="ITrafficQueries"/>. URL state, refresh and the prerender's
/// carry-over are <see cref="LiveGraphPage{TData}"/>'s; the prerender leaves the raw-flow tables out (<see cref="RestOf"/>).
/// </summary>
public partial class OriginAs
{
    public const int TopLimit = 10;

    private uint? _asn;

    [Inject] private InterfaceDirectory Directory { get; set; } = default!;

    [Parameter] public string Asn { get; set; } = "";

    protected override string Subject => $"traffic of AS {Asn}";

    protected override object? RouteValue => _asn;

    protected override string? RouteProblem => _asn is null ? $"\"{Asn}\" is not an AS number: use a whole number from 0 to 4294967295." : null;

    private string EmptyText => Filter is null
        ? $"No traffic from or to AS {_asn} in this range: exporters must send AS numbers (or enrich them), or choose a longer range."
        : $"No traffic from or to AS {_asn} matches this filter in this range: widen the range or clear the filter.";

    /// <summary>What the top tables rank by: bytes for the bits view (as the API does), else packets or flows.</summary>
    private string RankUnit => Metric.RankMetric switch { TrafficMetric.Packets => "packets", TrafficMetric.Flows => "flows", _ => "bytes" };

    private string RankValue(TopRow row) => Metric.RankMetric switch
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

    /// <summary>The top tables' two groups, traffic from the AS first.</summary>
    private IEnumerable<(bool Inbound, string Heading)> TopGroups =>
    [
        (true, $"Traffic from AS {_asn} (source AS): its senders, who receives, countries"),
        (false, $"Traffic to AS {_asn} (destination AS): who sends, its receivers, countries"),
    ];

    private string? InterfaceHref(string key) => DrillLinks.InterfaceOfKey(key, Selection, InUtc);

    /// <summary>What the interface rows show besides their key: from the catalogue, blank when it does not know the interface.</summary>
    private IReadOnlyList<SeriesStatsDetail> InterfaceDetails =>
    [
        new("Exporter", key => DimensionLabels.TryParseInterfaceKey(key, out var exporter, out _) ? exporter : null),
        new("Name", key => Data?.Interfaces.GetValueOrDefault(key)?.Name),
        new("Connectivity", key => Data?.Interfaces.GetValueOrDefault(key)?.Connectivity ?? AsInterfaceSankey.Unclassified),
        new("Provider", key => Data?.Interfaces.GetValueOrDefault(key)?.Provider),
    ];

    private (IReadOnlyList<SankeyNode> Nodes, IReadOnlyList<SankeyLink> Links) SankeyOf(OriginAsData data) =>
        AsInterfaceSankey.Build(_asn!.Value, data.Rows.Concat(data.OutboundRows), data.Interfaces);

    /// <summary>A sankey value is a series total: bits for the bits view (shown as bytes, as the tables do), else packets or flows.</summary>
    private string TotalText(double total) => Metric == MetricChoice.Bits
        ? TrafficUnits.ByteCount((long)Math.Round(total / 8))
        : $"{TrafficUnits.Count((long)Math.Round(total))} {Metric.Name}";

    /// <summary>An AS number as written in the address: decimal digits only, 0–4294967295; null otherwise.</summary>
    public static uint? ParseAsn(string? text) =>
        uint.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var asn) ? asn : null;

    protected override Task OnParametersSetAsync()
    {
        _asn = ParseAsn(Asn);
        return base.OnParametersSetAsync();
    }

    protected override async Task<OriginAsData> QueryAsync(TimeRange range, CancellationToken cancellationToken)
    {
        var (asn, metric) = (_asn!.Value, Metric);
        var (inbound, outbound) = (FromAs(asn), ToAs(asn));
        var step = SeriesStep.For(range.Duration);
        // All at once (PageQueries): the page is answered in the time of its slowest query, not of all of them.
        var entering = Traffic.SeriesAsync(
            new SeriesQuery(range, FlowDimension.InputInterface, metric.SeriesMetric, step, TopLimit, inbound), cancellationToken);
        var leavingTask = Traffic.SeriesAsync(
            new SeriesQuery(range, FlowDimension.OutputInterface, metric.SeriesMetric, step, TopLimit, outbound), cancellationToken);
        var knownTask = Directory.ByKeyAsync(cancellationToken);
        var detailsTask = UnlessPrerendering(() => DetailsAsync(asn, range, cancellationToken));
        await Task.WhenAll(entering, leavingTask, knownTask, detailsTask);
        var (series, leaving) = (await entering, await leavingTask);
        var labels = AsInterfaceLabel.Of(await knownTask, series.Series.Concat(leaving.Series).Select(s => s.Key));
        return new OriginAsData(range, series, SeriesStatsRow.Of(series), leaving, SeriesStatsRow.Of(leaving), labels, await detailsTask);
    }

    /// <summary>
    /// The prerender leaves out the tables read from the raw flows: the interface charts come from the rollups and are
    /// painted with the HTML, while the raw flows take longer the more flows the range holds (about 1.3 s for the
    /// demo's first 25 minutes on a 2-core machine). The interactive render then asks for the tables, over the same range.
    /// </summary>
    protected override Func<CancellationToken, Task<OriginAsData>>? RestOf(OriginAsData data) => data.Details is not null ? null
        : async cancellationToken => data with { Details = await DetailsAsync(_asn!.Value, data.Range, cancellationToken) };

    private async Task<OriginAsDetails?> DetailsAsync(uint asn, TimeRange range, CancellationToken cancellationToken)
    {
        var (inbound, outbound, metric) = (FromAs(asn), ToAs(asn), Metric);
        var tops = PageQueries.All(TopTables, async table => new OriginAsTop(table.Inbound, table.Title, table.KeyHeader,
            await Traffic.TopAsync(new TopQuery(range, table.By, metric.RankMetric, TopLimit, table.Inbound ? inbound : outbound), cancellationToken)));
        var prefixes = AsPrefixes.QueryAsync(Traffic, asn, range, metric.RankMetric, TopLimit, Filter, cancellationToken);
        await Task.WhenAll(tops, prefixes);
        return new OriginAsDetails(await tops, await prefixes);
    }

    /// <summary>
    /// The address and country tables, for the traffic from the AS (inbound: its senders, and who here receives) and to
    /// it (outbound: who here sends, and its receivers); the same columns each way.
    /// </summary>
    private static readonly (bool Inbound, FlowDimension By, string Title, string KeyHeader)[] TopTables =
    [
        (true, FlowDimension.SrcAddr, "Top source addresses (senders in the AS)", "Source address"),
        (true, FlowDimension.DstAddr, "Top destination addresses (receiving from the AS)", "Destination address"),
        (true, FlowDimension.SrcCountry, "Top source countries", "Source country"),
        (true, FlowDimension.DstCountry, "Top destination countries", "Destination country"),
        (false, FlowDimension.SrcAddr, "Top source addresses (sending to the AS)", "Source address"),
        (false, FlowDimension.DstAddr, "Top destination addresses (receivers in the AS)", "Destination address"),
        (false, FlowDimension.SrcCountry, "Top source countries", "Source country"),
        (false, FlowDimension.DstCountry, "Top destination countries", "Destination country"),
    ];

    /// <summary>Destination AS = asn (the outbound filter of <c>/api/v1/as/{asn}/interfaces</c>), ANDed with the user's filter.</summary>
    private FilterExpression ToAs(uint asn) => Within(new NumberFilter(NumberSubject.As, FilterSide.Dst, FilterComparison.Equal, asn));

    /// <summary>Source AS = asn (the inbound filter of <c>/api/v1/as/{asn}/interfaces</c>), ANDed with the user's filter.</summary>
    private FilterExpression FromAs(uint asn) => Within(new NumberFilter(NumberSubject.As, FilterSide.Src, FilterComparison.Equal, asn));
}
