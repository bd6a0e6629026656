using FlowViz.Core.Counters;
using FlowViz.Core.Filtering;
using FlowViz.Core.Queries;
using FlowViz.Web.Components.Interfaces;
using FlowViz.Web.Components.Time;
using FlowViz.Web.Components.Traffic;
using FlowViz.Web.Interfaces;
using Microsoft.AspNetCore.Components;

namespace FlowViz.Web.Components.Pages;

/// <summary>
/// Every interface (issue #6): exporter, name, description, class, provider, boundary, traffic in and out over the
/// range and utilisation against its speed; the unclassified ones carrying traffic first. The interfaces come from
/// the catalogue (<see cref="InterfaceDirectory"/>), the traffic from the tenant-scoped <see cref="ITrafficQueries"/>
/// (top input and output interfaces, as <c>/api/v1/top?by=input_interface</c> answers), the rates of interfaces that
/// send sFlow counters from the tenant-scoped <see cref="IInterfaceCounterQueries"/> (unless a filter is set: counters
/// count all traffic, so a filtered page shows the matching flows' rates). State is in the URL.
/// </summary>
public partial class Interfaces
{
    /// <summary>The API's largest top-N: a network with more interfaces than this carrying traffic shows the busiest.</summary>
    public const int TrafficLimit = 1_000;

    private RangeSelection _selection = RangeSelection.Default;
    private string? _filterText;
    private IReadOnlyList<InterfaceRow>? _rows;
    private string? _error;
    private bool _loaded;

    [Inject] private ITrafficQueries Traffic { get; set; } = default!;
    [Inject] private IInterfaceCounterQueries Counters { get; set; } = default!;
    [Inject] private InterfaceDirectory Directory { get; set; } = default!;
    [Inject] private ILogger<Interfaces> Logger { get; set; } = default!;

    private string RangeWords => _selection.Preset is { } preset ? $"the last {preset.Name}" : "the chosen range";

    private string InterfaceHref(InterfaceRow row) => DrillLinks.Interface(row.Exporter, row.IfIndex, _selection, InUtc);

    protected override async Task OnParametersSetAsync()
    {
        var selection = UrlRange;
        var filterText = UrlFilterText;
        if (_loaded && selection == _selection && filterText == _filterText)
        {
            return;
        }
        (_selection, _filterText, _loaded) = (selection, filterText, true);
        var (filter, filterError) = ParseFilter(filterText);
        if (filterError is not null)
        {
            (_rows, _error) = (null, filterError);
            return;
        }
        await LoadAsync(filter);
    }

    private async Task LoadAsync(FilterExpression? filter)
    {
        try
        {
            var range = _selection.Resolve(Clock.GetUtcNow());
            // One after the other, as before PageQueries (which would be as safe): this table page is well under 1 s.
            var known = await Directory.ByKeyAsync(CancellationToken.None);
            var input = await Traffic.TopAsync(new TopQuery(range, FlowDimension.InputInterface, TrafficMetric.Bytes, TrafficLimit, filter), CancellationToken.None);
            var output = await Traffic.TopAsync(new TopQuery(range, FlowDimension.OutputInterface, TrafficMetric.Bytes, TrafficLimit, filter), CancellationToken.None);
            IReadOnlyList<InterfaceCounterRates> counters = filter is null ? await Counters.RatesAsync(range, CancellationToken.None) : [];
            (_rows, _error) = (InterfaceRows.Build(known, input, output, range.Duration, counters), null);
        }
        catch (FilterNotSupportedException e)
        {
            (_rows, _error) = (null, $"This filter cannot be answered yet: {e.Message}");
        }
        catch (Exception e)
        {
            Logger.LogWarning(e, "Interfaces query failed for {Range}", _selection);
            (_rows, _error) = (null, $"Could not load interfaces: {e.Message}");
        }
    }
}
