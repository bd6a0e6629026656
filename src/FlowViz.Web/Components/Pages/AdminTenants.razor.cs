using FlowViz.Core.Queries;
using FlowViz.Identity;
using FlowViz.Identity.Administration;
using FlowViz.Identity.Tenants;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;

namespace FlowViz.Web.Components.Pages;

/// <summary>
/// Tenants for admins: list, create, edit the scope (checked as typed, previewed through the scoped query path
/// before saving), assign and unassign users, delete. The work is done by the Identity services.
/// </summary>
public partial class AdminTenants
{
    private IReadOnlyList<Tenant> _tenants = [];
    private IReadOnlyDictionary<long, IReadOnlyList<string>> _members = new Dictionary<long, IReadOnlyList<string>>();
    private IReadOnlyList<string> _userNames = [];
    private bool _editing;
    private Tenant? _selected;
    private string _name = "";
    private string _scopeText = "";
    private int _previewHours = 1;
    private TenantPreviewResult? _preview;
    private bool _previewing;
    private string? _assignUser;
    private bool _confirmDelete;
    private string? _error;
    private string? _message;

    [Inject] private TenantDirectory Tenants { get; set; } = default!;
    [Inject] private TenantMembers Members { get; set; } = default!;
    [Inject] private TenantPreview Preview { get; set; } = default!;
    [Inject] private UserAdministration Users { get; set; } = default!;
    [Inject] private TimeProvider Clock { get; set; } = default!;
    [CascadingParameter] private Task<AuthenticationState> Authentication { get; set; } = default!;

    private bool ScopeIsValid => ScopeTextCheck.Of(_scopeText).IsValid && (_selected is not null || _name.Trim().Length > 0);

    protected override Task OnInitializedAsync() => ReloadAsync();

    private IReadOnlyList<string> MembersOf(long tenantId) => _members.TryGetValue(tenantId, out var names) ? names : [];

    private async Task ReloadAsync()
    {
        _tenants = await Tenants.ListAsync(CancellationToken.None);
        _members = await Members.ByTenantAsync(CancellationToken.None);
        _userNames = [.. (await Users.ListAsync(CancellationToken.None)).Select(u => u.UserName)];
        if (_selected is not null)
        {
            _selected = _tenants.FirstOrDefault(t => t.Id == _selected.Id);
        }
    }

    private void StartNew() => Open(null, "", "");

    private void Select(Tenant tenant) => Open(tenant, tenant.Name, tenant.Scope.Count == 0 ? "" : TenantScopeText.Format(tenant.Scope));

    private void Open(Tenant? tenant, string name, string scope)
    {
        (_editing, _selected, _name, _scopeText, _preview, _confirmDelete, _error, _message) = (true, tenant, name, scope, null, false, null, null);
    }

    private void Close() => (_editing, _selected, _preview) = (false, null, null);

    private async Task PreviewAsync()
    {
        var check = ScopeTextCheck.Of(_scopeText);
        if (!check.IsValid)
        {
            return;
        }
        (_previewing, _error) = (true, null);
        try
        {
            var range = TimeRange.Last(TimeSpan.FromHours(_previewHours), Clock.GetUtcNow());
            _preview = await Preview.RunAsync([.. check.Entries], range, CancellationToken.None);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            _error = $"Could not compute the preview: {e.Message}";
        }
        finally
        {
            _previewing = false;
        }
    }

    private Task SaveAsync() => RunAsync(async actor =>
    {
        var entries = ScopeTextCheck.Of(_scopeText).Entries;
        if (_selected is null)
        {
            var created = await Tenants.CreateAsync(_name, entries, actor, CancellationToken.None);
            _selected = created;
            return $"Tenant {created.Name} created.";
        }
        await Tenants.ReplaceScopeAsync(_selected.Id, entries, actor, CancellationToken.None);
        return $"Scope of {_selected.Name} saved.";
    });

    private Task AssignAsync() => RunAsync(async actor =>
    {
        var user = _assignUser!;
        await Members.AssignAsync(user, _selected!.Id, actor, CancellationToken.None);
        _assignUser = null;
        return $"{user} assigned to {_selected.Name}.";
    });

    private Task UnassignAsync(string user) => RunAsync(async actor =>
    {
        await Members.UnassignAsync(user, _selected!.Id, actor, CancellationToken.None);
        return $"{user} unassigned from {_selected.Name}.";
    });

    private Task DeleteAsync()
    {
        if (!_confirmDelete)
        {
            _confirmDelete = true;
            return Task.CompletedTask;
        }
        return RunAsync(async actor =>
        {
            var name = _selected!.Name;
            await Tenants.DeleteAsync(_selected.Id, actor, CancellationToken.None);
            Close();
            return $"Tenant {name} deleted.";
        });
    }

    /// <summary>Runs a change as the signed-in admin, then reloads; a refused change shows its reason.</summary>
    private async Task RunAsync(Func<string, Task<string>> change)
    {
        (_error, _message) = (null, null);
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
