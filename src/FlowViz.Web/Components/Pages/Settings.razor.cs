using FlowViz.Web.Components.Settings;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;

namespace FlowViz.Web.Components.Pages;

/// <summary>
/// The Settings page (operators and admins): local networks, application rules and interface classification rules,
/// one tab each (<c>?tab=</c> in the URL). The editors do the work through <see cref="Web.Settings.ISettingsEditor"/>.
/// </summary>
public partial class Settings
{
    private SettingsTab _tab = SettingsTab.Networks;
    private string? _user;

    [Inject] private NavigationManager Navigation { get; set; } = default!;

    [CascadingParameter] private Task<AuthenticationState>? AuthenticationState { get; set; }

    [SupplyParameterFromQuery(Name = "tab")] public string? TabText { get; set; }

    protected override async Task OnParametersSetAsync()
    {
        _tab = SettingsTab.Parse(TabText);
        if (AuthenticationState is not null)
        {
            _user = (await AuthenticationState).User.Identity?.Name;
        }
    }

    private string TabLink(SettingsTab tab) => Navigation.GetUriWithQueryParameter("tab", tab.Key);
}
