using System.Globalization;
using FlowViz.Identity.Audit;
using FlowViz.Web.Components.Time;
using Microsoft.AspNetCore.Components;

namespace FlowViz.Web.Components.Pages;

/// <summary>
/// The audit log for admins, a page at a time, newest first, filtered by action and user; page and filters are in
/// the URL (<c>page</c>, <c>action</c>, <c>user</c>). Times are shown in the browser's zone, which the table names.
/// </summary>
public partial class AdminAudit
{
    public const int PageSize = 50;

    private AuditPage? _page;
    private IReadOnlyList<string> _actions = [];
    private IReadOnlyList<string> _actors = [];
    private TimeZoneInfo? _asked;

    /// <summary>The browser's zone: the cookie's (or UTC) until the circuit has asked the browser.</summary>
    private TimeZoneInfo Zone => _asked ?? BrowserZone.Current;
    private string? _error;

    [Inject] private AuditSearch Audit { get; set; } = default!;
    [Inject] private NavigationManager Navigation { get; set; } = default!;
    [Inject] private BrowserTimeZone BrowserZone { get; set; } = default!;

    [SupplyParameterFromQuery(Name = "page")] public string? PageText { get; set; }
    [SupplyParameterFromQuery(Name = "action")] public string? Action { get; set; }
    [SupplyParameterFromQuery(Name = "user")] public string? Actor { get; set; }

    protected override async Task OnParametersSetAsync()
    {
        var page = int.TryParse(PageText, NumberStyles.None, CultureInfo.InvariantCulture, out var number) && number >= 1 ? number : 1;
        (_error, _page) = (null, null);
        try
        {
            (_actions, _actors) = await Audit.ChoicesAsync(CancellationToken.None);
            _page = await Audit.PageAsync(Action, Actor, page, PageSize, CancellationToken.None);
            if (_page.Page > _page.PageCount)
            {
                _error = $"There is no page {page}: the log has {_page.PageCount} page(s) for this filter.";
            }
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            _error = $"Could not read the audit log: {e.Message}";
        }
    }

    protected override async Task OnAfterRenderAsync(bool firstRender)
    {
        if (firstRender)
        {
            _asked = await BrowserZone.GetAsync();
            StateHasChanged();
        }
    }

    private void GoTo(int page) => Navigation.NavigateTo(Navigation.GetUriWithQueryParameter("page", page == 1 ? null : page));

    private void Filter(string name, string? value) => Navigation.NavigateTo(Navigation.GetUriWithQueryParameters(
        new Dictionary<string, object?> { [name] = string.IsNullOrEmpty(value) ? null : value, ["page"] = null }));
}
