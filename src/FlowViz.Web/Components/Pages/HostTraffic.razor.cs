using System.Net;
using System.Net.Sockets;
using FlowViz.Core.Filtering;
using FlowViz.Core.Queries;
using FlowViz.Web.Components.Applications;
using FlowViz.Web.Components.AsAnalysis;
using FlowViz.Web.Components.Formatting;
using Microsoft.AspNetCore.Components;

namespace FlowViz.Web.Components.Pages;

/// <summary>
/// One host (issue #6), reached from <c>/hosts</c>: its applications out and in, its peers (top source and destination
/// addresses), and its origin ASes and countries over time, all over the flows the filter <c>host ADDRESS</c> (ANDed with
/// the user's filter) selects, through the tenant-scoped <see cref="ITrafficQueries"/>. A bad address says so and queries nothing.
/// </summary>
public partial class HostTraffic
{
    public const int TopLimit = 10;

    private IPAddress? _address;

    [Parameter] public string Address { get; set; } = "";

    protected override string Subject => $"traffic of host {Address}";

    protected override object? RouteValue => _address;

    protected override string? RouteProblem => _address is null
        ? $"\"{Address}\" is not an IP address: use an IPv4 address such as 192.0.2.1 or an IPv6 address such as 2001:db8::1."
        : null;

    private string BackHref => "hosts" + new Uri(Navigation.Uri).Query;

    private string RankUnit => Metric.RankMetric switch { TrafficMetric.Packets => "packets", TrafficMetric.Flows => "flows", _ => "bytes" };

    private string RankValue(TopRow row) => Metric.RankMetric switch
    {
        TrafficMetric.Packets => TrafficUnits.Count(row.Packets),
        TrafficMetric.Flows => TrafficUnits.Count(row.Flows),
        _ => TrafficUnits.ByteCount(row.Bytes),
    };

    /// <summary>
    /// An address as written in the URL: IPv4 in dotted-quad form (IPAddress.TryParse would also take "1" or "1.2"), or
    /// IPv6 without a zone (a zone names an interface of one machine, not a host in flows); null otherwise.
    /// </summary>
    public static IPAddress? ParseAddress(string? text)
    {
        if (string.IsNullOrEmpty(text) || text.Contains('%', StringComparison.Ordinal) || !IPAddress.TryParse(text, out var address))
        {
            return null;
        }
        return address.AddressFamily == AddressFamily.InterNetworkV6 || text.Count(c => c == '.') == 3 ? address : null;
    }

    /// <summary>The page of <paramref name="address"/>, keeping the current page's query (range, metric, filter, zone).</summary>
    public static string Href(NavigationManager navigation, string address) =>
        "hosts/" + Uri.EscapeDataString(address) + new Uri(navigation.Uri).Query;

    protected override Task OnParametersSetAsync()
    {
        _address = ParseAddress(Address);
        return base.OnParametersSetAsync();
    }

    protected override async Task<HostTrafficData> QueryAsync(TimeRange range, CancellationToken cancellationToken)
    {
        var filter = HostFilter;
        var step = SeriesStep.For(range);
        // All at once (PageQueries): the page is answered in the time of its slowest query, not of all eight.
        var totals = Traffic.SummaryAsync(new SummaryQuery(range, filter), cancellationToken);
        var applications = Traffic.SeriesAsync(
            new SeriesQuery(range, FlowDimension.Application, Metric.SeriesMetric, step, TopLimit, filter, SeriesSplit.Direction), cancellationToken);
        var charts = PageQueries.All(Charts, async chart =>
        {
            var series = await Traffic.SeriesAsync(new SeriesQuery(range, chart.By, Metric.SeriesMetric, step, TopLimit, filter), cancellationToken);
            return new HostTrafficChart(chart.Id, chart.Title, chart.KeyHeader, series, SeriesStatsRow.Of(series));
        });
        var tops = UnlessPrerendering(() => TopsAsync(range, filter, cancellationToken));
        await Task.WhenAll(totals, applications, charts, tops);
        return new HostTrafficData(range, await totals, await applications, DirectionRow.Of(await applications), await charts, await tops);
    }

    /// <summary>
    /// Every query of this page reads the raw flows (no rollup holds a host's peers or its traffic by application), so the
    /// page takes longer the more flows the range holds. The prerender asks for the totals and charts only, half the
    /// queries; the peer and country tables follow once the page is live, over the same range.
    /// </summary>
    protected override Func<CancellationToken, Task<HostTrafficData>>? RestOf(HostTrafficData data) => data.Tops is not null ? null
        : async cancellationToken => data with { Tops = await TopsAsync(data.Range, HostFilter, cancellationToken) };

    private FilterExpression HostFilter => Within(new AddressFilter(FilterSide.Either, FilterValues.HostNetwork(_address!)));

    private async Task<IReadOnlyList<(string, string, TopResult)>?> TopsAsync(TimeRange range, FilterExpression filter, CancellationToken cancellationToken) =>
        await PageQueries.All(TopTables, async table =>
            (table.Title, table.KeyHeader, await Traffic.TopAsync(new TopQuery(range, table.By, Metric.RankMetric, TopLimit, filter), cancellationToken)));

    private static readonly (string Id, FlowDimension By, string Title, string KeyHeader)[] Charts =
    [
        ("as", FlowDimension.OriginAs, "Traffic by origin AS (the remote network)", "Origin AS"),
        ("country", FlowDimension.DstCountry, "Traffic by destination country", "Destination country"),
    ];

    private static readonly (FlowDimension By, string Title, string KeyHeader)[] TopTables =
    [
        (FlowDimension.SrcAddr, "Top source addresses (peers sending)", "Source address"),
        (FlowDimension.DstAddr, "Top destination addresses (peers receiving)", "Destination address"),
        (FlowDimension.SrcCountry, "Top source countries", "Source country"),
        (FlowDimension.DstCountry, "Top destination countries", "Destination country"),
    ];
}
