using System.Net;
using FlowViz.Core.Filtering;
using FlowViz.Identity.Audit;
using FlowViz.Identity.Data;
using FlowViz.Identity.Scoping;
using FlowViz.Identity.Tenants;
using FlowViz.Identity.Tests.Infrastructure;
using FlowViz.Storage.Tests.Infrastructure;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;

namespace FlowViz.Identity.Tests;

/// <summary>Identity's stores, tenants and the audit log, run through EF against the SQL schema.</summary>
public sealed class AccountsTests(PostgresServerFixture server) : IAsyncLifetime
{
    private const string Password = "correct horse battery";
    private readonly AccountsDatabase _db = new(server);

    public ValueTask InitializeAsync() => _db.InitializeAsync();

    public ValueTask DisposeAsync() => _db.DisposeAsync();

    private TenantDirectory Tenants => _db.Services.GetRequiredService<TenantDirectory>();

    [Fact]
    public async Task CreateTenantViewer_ScopeRoundTripsAndRestrictsTheViewer()
    {
        var ct = TestContext.Current.CancellationToken;
        var scope = TenantScopeText.Parse("src as 64500, in if 192.0.2.1 3, out if 2001:db8::1 7, dst net 198.51.100.0/24, net 2001:db8:5::/48");
        await Tenants.CreateAsync("acme", scope, "tester", ct);
        var user = await _db.InScopeAsync(s => s.GetRequiredService<UserAccounts>().CreateAsync("alice", Password, Roles.TenantViewer, ["acme"], "tester", ct));

        var stored = Assert.Single(await Tenants.ListAsync(ct));
        Assert.Equal("src as 64500, in if 192.0.2.1 3, out if 2001:db8::1 7, dst net 198.51.100.0/24, net 2001:db8:5::/48",
            TenantScopeText.Format(stored.Scope));
        var viewer = await _db.Services.GetRequiredService<ViewerScopes>().ForUserAsync(user.Id, ct);
        Assert.Equal(TenantScopeFilter.For(scope), viewer.Restriction);
        Assert.True(viewer.MaySeeExporter(IPAddress.Parse("192.0.2.1")));
        Assert.True(viewer.MaySeeExporter(IPAddress.Parse("2001:db8::1")));
        Assert.False(viewer.MaySeeExporter(IPAddress.Parse("192.0.2.2")));
        Assert.Equal(["acme"], await Tenants.TenantNamesOfAsync(user.Id, ct));
    }

    [Fact]
    public async Task ViewerScope_FollowsRoleChangesAtOnce()
    {
        var ct = TestContext.Current.CancellationToken;
        await Tenants.CreateAsync("beta", TenantScopeText.Parse("as 65001"), "tester", ct);
        var user = await _db.InScopeAsync(s => s.GetRequiredService<UserAccounts>().CreateAsync("bob", Password, Roles.TenantViewer, ["beta"], "tester", ct));
        var scopes = _db.Services.GetRequiredService<ViewerScopes>();
        Assert.True((await scopes.ForUserAsync(user.Id, ct)).IsRestricted);

        await _db.InScopeAsync(async s => { await s.GetRequiredService<UserAccounts>().SetRoleAsync("bob", Roles.Operator, "tester", ct); return 0; });

        Assert.Same(ViewerScope.Everything, await scopes.ForUserAsync(user.Id, ct));
        Assert.Same(ViewerScope.None, await scopes.ForUserAsync("no-such-user", ct));
    }

    [Fact]
    public async Task EmptyTenant_SeesNothing()
    {
        var ct = TestContext.Current.CancellationToken;
        var tenant = await Tenants.CreateAsync("empty", [], "tester", ct);
        var scope = await _db.Services.GetRequiredService<ViewerScopes>().ForTenantAsync(tenant.Id, ct);
        Assert.Equal(TenantScopeFilter.Nothing, scope.Restriction);
        Assert.False(scope.MaySeeExporter(IPAddress.Loopback));
    }

    [Fact]
    public async Task EnsureAdmin_CreatesARandomPasswordAdminOnceOnly()
    {
        var ct = TestContext.Current.CancellationToken;
        var (created, password) = await _db.InScopeAsync(s => s.GetRequiredService<UserAccounts>().EnsureAdminAsync(null, ct));
        var again = await _db.InScopeAsync(s => s.GetRequiredService<UserAccounts>().EnsureAdminAsync(null, ct));

        Assert.True(created);
        Assert.NotNull(password);
        Assert.True(password.Length >= 20);
        Assert.False(again.Created);
        var checkedOk = await _db.InScopeAsync(async s =>
        {
            var users = s.GetRequiredService<UserManager<FlowVizUser>>();
            var admin = await users.FindByNameAsync("admin");
            return admin is not null && await users.CheckPasswordAsync(admin, password) && await users.IsInRoleAsync(admin, Roles.Admin);
        });
        Assert.True(checkedOk);
    }

    [Fact]
    public async Task FiveFailures_LockTheAccountOut()
    {
        var ct = TestContext.Current.CancellationToken;
        await _db.InScopeAsync(s => s.GetRequiredService<UserAccounts>().CreateAsync("carol", Password, Roles.Operator, [], "tester", ct));
        var locked = await _db.InScopeAsync(async s =>
        {
            var users = s.GetRequiredService<UserManager<FlowVizUser>>();
            var carol = (await users.FindByNameAsync("carol"))!;
            for (var i = 0; i < 5; i++)
            {
                await users.AccessFailedAsync(carol);
            }
            return await users.IsLockedOutAsync(carol);
        });
        Assert.True(locked);
    }

    [Theory]
    [InlineData("mallory", "short", Roles.Operator, "at least 12")]
    [InlineData("mallory", Password, "root", "not a role")]
    [InlineData("mallory", Password, Roles.TenantViewer, "at least one tenant")]
    public async Task Create_BadInput_SaysWhy(string name, string password, string role, string why)
    {
        var ct = TestContext.Current.CancellationToken;
        var error = await Assert.ThrowsAsync<AccountException>(() =>
            _db.InScopeAsync(s => s.GetRequiredService<UserAccounts>().CreateAsync(name, password, role, [], "tester", ct)));
        Assert.Contains(why, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AdminChanges_AreAudited()
    {
        var ct = TestContext.Current.CancellationToken;
        await Tenants.CreateAsync("gamma", TenantScopeText.Parse("as 1"), "root-admin", ct);
        var entries = await _db.Services.GetRequiredService<AuditLog>().ReadAsync(10, ct);
        var entry = Assert.Single(entries, e => e.Action == AuditActions.TenantCreated && e.Detail!.StartsWith("gamma", StringComparison.Ordinal));
        Assert.Equal("root-admin", entry.Actor);
    }
}
