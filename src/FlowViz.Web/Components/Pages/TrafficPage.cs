using FlowViz.Core.Filtering;
using FlowViz.Web.Components.Filtering;
using FlowViz.Web.Components.Time;
using Microsoft.AspNetCore.Components;

namespace FlowViz.Web.Components.Pages;

/// <summary>
/// The URL state every traffic page shares — range (<c>range</c> or <c>from</c>/<c>to</c>), <c>filter</c> and
/// <c>tz</c> (from <see cref="ZonedPage"/>) — with the handlers that write a change back into the URL, so the page's
/// state stays shareable and Back works. Pages compare the URL's values with what they last loaded.
/// </summary>
public abstract class TrafficPage : ZonedPage
{
    [SupplyParameterFromQuery(Name = "range")] public string? RangeText { get; set; }
    [SupplyParameterFromQuery(Name = "from")] public string? FromText { get; set; }
    [SupplyParameterFromQuery(Name = "to")] public string? ToText { get; set; }
    [SupplyParameterFromQuery(Name = "filter")] public string? FilterText { get; set; }

    protected RangeSelection UrlRange => RangeSelection.Parse(RangeText, FromText, ToText);

    /// <summary>The URL's filter text; null when there is none (blank counts as none).</summary>
    protected string? UrlFilterText => string.IsNullOrWhiteSpace(FilterText) ? null : FilterText;

    /// <summary>
    /// The filter <paramref name="text"/> parsed, or the message a page shows instead of its traffic when the text
    /// does not parse (the filter box marks where): nothing is drawn rather than traffic the filter was meant to narrow.
    /// </summary>
    protected static (FilterExpression? Filter, string? Error) ParseFilter(string? text) =>
        text is null ? (null, null)
        : FilterBox.Check(text) is { } problem ? (null, $"The filter in the address does not parse: {problem}. Fix it above.")
        : (FilterParser.Parse(text), null);

    protected void OnRangeChanged(RangeSelection selection) =>
        Navigation.NavigateTo(Navigation.GetUriWithQueryParameters(selection.ToQueryParameters()));

    protected void OnFilterChanged(string? filter) =>
        Navigation.NavigateTo(Navigation.GetUriWithQueryParameter("filter", filter));
}
