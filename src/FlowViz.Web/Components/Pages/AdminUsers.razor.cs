using System.Globalization;
using FlowViz.Identity;
using FlowViz.Identity.Administration;
using FlowViz.Identity.Tenants;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;

namespace FlowViz.Web.Components.Pages;

/// <summary>
/// Users for admins: list, create with a role and tenant, change role or tenant, lock, unlock, delete (asked twice).
/// <see cref="UserAdministration"/> does the work and refuses to demote, lock or delete the last admin.
/// </summary>
public partial class AdminUsers
{
    private IReadOnlyList<UserSummary> _users = [];
    private IReadOnlyList<Tenant> _tenants = [];
    private string _newName = "";
    private string _newPassword = "";
    private string _newRole = Roles.TenantViewer;
    private string _newTenant = "";
    private string? _confirmDelete;
    private string? _error;
    private string? _message;

    [Inject] private UserAdministration Users { get; set; } = default!;
    [Inject] private TenantDirectory Tenants { get; set; } = default!;
    [Inject] private TimeProvider Clock { get; set; } = default!;
    [CascadingParameter] private Task<AuthenticationState> Authentication { get; set; } = default!;

    protected override Task OnInitializedAsync() => ReloadAsync();

    private async Task ReloadAsync()
    {
        _users = await Users.ListAsync(CancellationToken.None);
        _tenants = await Tenants.ListAsync(CancellationToken.None);
    }

    private string TenantIdOf(UserSummary user) =>
        _tenants.FirstOrDefault(t => user.Tenants.Count > 0 && t.Name == user.Tenants[0])?.Id.ToString(CultureInfo.InvariantCulture) ?? "";

    private Task CreateAsync() => RunAsync(async actor =>
    {
        var name = _newName.Trim();
        await Users.CreateAsync(name, _newPassword, _newRole, _newTenant, actor, CancellationToken.None);
        (_newName, _newPassword) = ("", "");
        return $"User {name} created.";
    });

    private Task SetRoleAsync(string userName, string? role) => RunAsync(async actor =>
    {
        await Users.SetRoleAsync(userName, role ?? "", actor, CancellationToken.None);
        return $"{userName} is now {role}.";
    });

    private Task SetTenantAsync(string userName, string? tenantId) => RunAsync(async actor =>
    {
        long? id = long.TryParse(tenantId, NumberStyles.None, CultureInfo.InvariantCulture, out var parsed) ? parsed : null;
        await Users.SetTenantAsync(userName, id, actor, CancellationToken.None);
        return $"Tenant of {userName} changed.";
    });

    private Task LockAsync(string userName) => RunAsync(async actor =>
    {
        await Users.LockAsync(userName, actor, CancellationToken.None);
        return $"{userName} locked.";
    });

    private Task UnlockAsync(string userName) => RunAsync(async actor =>
    {
        await Users.UnlockAsync(userName, actor, CancellationToken.None);
        return $"{userName} unlocked.";
    });

    private Task DeleteAsync(string userName)
    {
        if (_confirmDelete != userName)
        {
            _confirmDelete = userName;
            return Task.CompletedTask;
        }
        return RunAsync(async actor =>
        {
            await Users.DeleteAsync(userName, actor, CancellationToken.None);
            return $"User {userName} deleted.";
        });
    }

    /// <summary>Runs a change as the signed-in admin, then reloads; a refused change shows its reason.</summary>
    private async Task RunAsync(Func<string, Task<string>> change)
    {
        (_error, _message, _confirmDelete) = (null, null, null);
        try
        {
            var actor = (await Authentication).User.Identity?.Name ?? "(unknown)";
            _message = await change(actor);
        }
        catch (Exception e) when (e is AccountException or ArgumentException)
        {
            _error = e.Message;
        }
        await ReloadAsync();
    }
}
