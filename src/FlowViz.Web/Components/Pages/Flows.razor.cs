using FlowViz.Core.Filtering;
using FlowViz.Core.Queries;
using FlowViz.Web.Components.Time;
using Microsoft.AspNetCore.Components;

namespace FlowViz.Web.Components.Pages;

/// <summary>
/// The flow explorer: raw flows for a range and filter, sorted by a column of <see cref="FlowSortColumns"/>,
/// paged by the query service's keyset cursor. Range, filter, sort, order and time zone live in the URL; the
/// page position does not (a cursor is only meaningful against the rows stored when paging began), so
/// Previous walks back through the cursors this view has seen.
/// </summary>
public partial class Flows
{
    public const int PageSize = 100;

    private RangeSelection _selection = RangeSelection.Default;
    private string? _filterText;
    private FilterExpression? _filter;
    private string _sortBy = FlowSortColumns.Default;
    private bool _descending = true;
    private TimeRange _range;
    private FlowPage? _page;
    private FlowCursor? _current;
    private readonly Stack<FlowCursor?> _previous = new();
    private string? _error;
    private bool _loaded;

    [Inject] private IFlowRecordQueries FlowRecords { get; set; } = default!;
    [Inject] private ILogger<Flows> Logger { get; set; } = default!;

    [SupplyParameterFromQuery(Name = "sort")] public string? SortText { get; set; }
    [SupplyParameterFromQuery(Name = "order")] public string? OrderText { get; set; }

    private string ZoneName => InUtc ? "UTC" : BrowserZoneInfo.Id;

    private string EmptyText => _filter is null
        ? "No flows in this range: point an exporter at UDP port 2055 (see README), or choose a longer range."
        : "No flows match this filter in this range: widen the range or change the filter.";

    /// <summary>The API call returning exactly this view's rows (every page) as CSV; the range is pinned to the one shown.</summary>
    private string CsvLink => "api/v1/flows?" + string.Join('&', new[]
    {
        "format=csv",
        $"from={Uri.EscapeDataString(RangeSelection.FormatUtc(_range.From))}",
        $"to={Uri.EscapeDataString(RangeSelection.FormatUtc(_range.To))}",
        $"sort={_sortBy}",
        $"order={(_descending ? "desc" : "asc")}",
        _filterText is null ? null : $"filter={Uri.EscapeDataString(_filterText)}",
    }.Where(p => p is not null));

    private string GraphLink(string path)
    {
        var query = _selection.ToQueryString();
        if (_filterText is not null)
        {
            query += "&filter=" + Uri.EscapeDataString(_filterText);
        }
        if (InUtc)
        {
            query += "&tz=utc";
        }
        return $"{path}?{query}";
    }

    protected override Task OnParametersSetAsync()
    {
        var selection = UrlRange;
        var filterText = UrlFilterText;
        var sortBy = SortText is not null && FlowSortColumns.IsSortable(SortText) ? SortText : FlowSortColumns.Default;
        var descending = !string.Equals(OrderText, "asc", StringComparison.OrdinalIgnoreCase);
        if (_loaded && selection == _selection && filterText == _filterText && sortBy == _sortBy && descending == _descending)
        {
            return Task.CompletedTask;
        }
        (_selection, _filterText, _sortBy, _descending, _loaded) = (selection, filterText, sortBy, descending, true);
        _previous.Clear();
        _current = null;
        // Relative ranges are pinned when the view is (re)loaded, so paging and CSV see the same rows.
        _range = selection.Resolve(Clock.GetUtcNow());
        (_filter, var filterError) = ParseFilter(filterText);
        if (filterError is not null)
        {
            (_page, _error) = (null, filterError);
            return Task.CompletedTask;
        }
        return LoadAsync();
    }

    private async Task LoadAsync()
    {
        try
        {
            _page = await FlowRecords.PageAsync(new FlowListQuery(_range, _filter, _sortBy, _descending, PageSize, _current), CancellationToken.None);
            _error = null;
        }
        catch (FilterNotSupportedException e)
        {
            (_page, _error) = (null, $"This filter cannot be answered from raw flows: {e.Message}");
        }
        catch (Exception e)
        {
            Logger.LogWarning(e, "Flow list query failed for {Range}", _selection);
            (_page, _error) = (null, $"Could not load flows: {e.Message}");
        }
    }

    private Task NextAsync()
    {
        if (_page?.Next is not { } next)
        {
            return Task.CompletedTask;
        }
        _previous.Push(_current);
        _current = next;
        return LoadAsync();
    }

    private Task PreviousAsync()
    {
        if (_previous.Count == 0)
        {
            return Task.CompletedTask;
        }
        _current = _previous.Pop();
        return LoadAsync();
    }

    private void OnSortChanged((string SortBy, bool Descending) sort) =>
        Navigation.NavigateTo(Navigation.GetUriWithQueryParameters(new Dictionary<string, object?>
        {
            ["sort"] = sort.SortBy == FlowSortColumns.Default ? null : sort.SortBy,
            ["order"] = sort.Descending ? null : "asc",
        }));
}
