using FlowViz.Core.Flows;
using FlowViz.Core.Queries;
using FlowViz.Identity.Administration;
using FlowViz.Identity.Audit;
using FlowViz.Identity.Tenants;
using FlowViz.Identity.Tests.Infrastructure;
using FlowViz.Identity.Tokens;
using FlowViz.Storage.Queries;
using FlowViz.Storage.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace FlowViz.Identity.Tests.Administration;

/// <summary>The admin pages' services against the real schema: users, tenant members, the audit log's pages, tokens, the preview.</summary>
public sealed class AdministrationTests(PostgresServerFixture server) : IAsyncLifetime
{
    private const string Password = "correct horse battery";
    private readonly AccountsDatabase _db = new(server);

    public ValueTask InitializeAsync() => _db.InitializeAsync();

    public ValueTask DisposeAsync() => _db.DisposeAsync();

    private T Make<T>() => ActivatorUtilities.CreateInstance<T>(_db.Services);

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private Task CreateUserAsync(string name, string role, params string[] tenants) =>
        Make<UserAdministration>().CreateAsync(name, Password, role, tenants.FirstOrDefault(), "tester", Ct);

    [Fact]
    public async Task LastAdmin_CannotBeDeletedDemotedOrLocked_UntilThereIsAnother()
    {
        var users = Make<UserAdministration>();
        await CreateUserAsync("root", Roles.Admin);

        foreach (var refused in new Func<Task>[]
        {
            () => users.DeleteAsync("root", "tester", Ct),
            () => users.SetRoleAsync("root", Roles.Operator, "tester", Ct),
            () => users.LockAsync("root", "tester", Ct),
        })
        {
            var error = await Assert.ThrowsAsync<AccountException>(refused);
            Assert.Contains("last administrator", error.Message, StringComparison.Ordinal);
        }
        await CreateUserAsync("second", Roles.Admin);
        await users.LockAsync("second", "tester", Ct);
        // A locked admin cannot administer: it does not count.
        await Assert.ThrowsAsync<AccountException>(() => users.DeleteAsync("root", "tester", Ct));

        await users.UnlockAsync("second", "tester", Ct);
        await users.SetRoleAsync("root", Roles.Operator, "tester", Ct);

        var listed = await users.ListAsync(Ct);
        Assert.Equal([("root", Roles.Operator), ("second", Roles.Admin)], listed.Select(u => (u.UserName, u.Role)));
        Assert.All(listed, u => Assert.False(u.IsLockedAt(DateTimeOffset.UtcNow)));
    }

    [Fact]
    public async Task Lock_ShowsLocked_UnlockLiftsIt_BothAudited()
    {
        var users = Make<UserAdministration>();
        await CreateUserAsync("dave", Roles.Operator);

        await users.LockAsync("dave", "boss", Ct);
        Assert.True((await users.ListAsync(Ct)).Single().IsLockedAt(DateTimeOffset.UtcNow));
        await users.UnlockAsync("dave", "boss", Ct);

        Assert.False((await users.ListAsync(Ct)).Single().IsLockedAt(DateTimeOffset.UtcNow));
        var changes = await Make<AuditSearch>().PageAsync(AuditActions.UserChanged, "boss", 1, 10, Ct);
        Assert.Equal(["dave unlocked", "dave locked"], changes.Entries.Select(e => e.Detail));
    }

    [Fact]
    public async Task SetTenant_ReplacesMembership_AndMembersFollow()
    {
        var tenants = _db.Services.GetRequiredService<TenantDirectory>();
        var red = await tenants.CreateAsync("red", TenantScopeText.Parse("as 64501"), "tester", Ct);
        var blue = await tenants.CreateAsync("blue", TenantScopeText.Parse("as 64502"), "tester", Ct);
        await CreateUserAsync("erin", Roles.TenantViewer, "red");
        var users = Make<UserAdministration>();
        var members = Make<TenantMembers>();

        await users.SetTenantAsync("erin", blue.Id, "tester", Ct);
        Assert.Equal(["blue"], (await users.ListAsync(Ct)).Single().Tenants);
        await members.AssignAsync("erin", red.Id, "tester", Ct);
        Assert.Equal(["erin"], (await members.ByTenantAsync(Ct))[red.Id]);
        await members.UnassignAsync("erin", blue.Id, "tester", Ct);

        Assert.Equal(["red"], (await users.ListAsync(Ct)).Single().Tenants);
        var error = await Assert.ThrowsAsync<AccountException>(() => members.UnassignAsync("erin", blue.Id, "tester", Ct));
        Assert.Contains("not in tenant 'blue'", error.Message, StringComparison.Ordinal);
        await users.SetTenantAsync("erin", null, "tester", Ct);
        Assert.Empty((await users.ListAsync(Ct)).Single().Tenants);
    }

    [Fact]
    public async Task AuditPages_NewestFirst_FilteredByActionGroupAndActor()
    {
        var audit = _db.Services.GetRequiredService<AuditLog>();
        for (var i = 1; i <= 7; i++)
        {
            await audit.WriteAsync(i % 2 == 0 ? "alice" : "bob", i % 3 == 0 ? AuditActions.LoginFailed : AuditActions.Login, $"#{i}", null, Ct);
        }
        var search = Make<AuditSearch>();

        var second = await search.PageAsync(null, null, 2, 3, Ct);
        var logins = await search.PageAsync("login", null, 1, 10, Ct);
        var failedByBob = await search.PageAsync(AuditActions.LoginFailed, "bob", 1, 10, Ct);

        Assert.Equal((7, 3), (second.Total, second.PageCount));
        Assert.Equal(["#4", "#3", "#2"], second.Entries.Select(e => e.Detail));
        Assert.Equal(7, logins.Total); // "login" is the group: login and login.failed
        Assert.Equal(["#3"], failedByBob.Entries.Select(e => e.Detail));
        var (actions, actors) = await search.ChoicesAsync(Ct);
        Assert.Equal([AuditActions.Login, AuditActions.LoginFailed], actions);
        Assert.Equal(["alice", "bob"], actors);
        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => search.PageAsync(null, null, 0, 3, Ct));
    }

    [Fact]
    public async Task Tokens_UserSeesAndRevokesOnlyItsOwn_AdminAnyone()
    {
        await CreateUserAsync("frank", Roles.Operator);
        await CreateUserAsync("grace", Roles.Operator);
        var frank = (await Make<UserAdministration>().ListAsync(Ct)).Single(u => u.UserName == "frank").Id;
        var grace = (await Make<UserAdministration>().ListAsync(Ct)).Single(u => u.UserName == "grace").Id;
        var tokens = Make<TokenAdministration>();
        var (franks, secret) = await tokens.CreateAsync(frank, "frank", "ci", 30, Ct);
        await tokens.CreateAsync(grace, "grace", "laptop", 30, Ct);

        Assert.Equal(["ci"], (await tokens.ListAsync(frank, Ct)).Select(t => t.Token.Name));
        Assert.Equal([("laptop", "grace"), ("ci", "frank")], (await tokens.ListAsync(null, Ct)).Select(t => (t.Token.Name, t.Owner)));
        Assert.False(await tokens.RevokeAsync(franks.Id, grace, "grace", Ct));
        Assert.NotNull(await _db.Services.GetRequiredService<ApiTokens>().UseAsync(secret, Ct));
        Assert.True(await tokens.RevokeAsync(franks.Id, null, "admin", Ct));

        Assert.Null(await _db.Services.GetRequiredService<ApiTokens>().UseAsync(secret, Ct));
        Assert.False(await tokens.RevokeAsync(franks.Id, null, "admin", Ct));
    }

    [Fact]
    public async Task Preview_CandidateScope_CountsOnlyTheFlowsItAdmits()
    {
        var t0 = new DateTime(2026, 3, 2, 10, 0, 0, DateTimeKind.Utc);
        FlowRecord Flow(uint srcAs, uint input, ulong bytes) => new()
        {
            TimeReceived = t0, TimeStart = t0.AddSeconds(-1), TimeEnd = t0, Exporter = FlowAddress.Parse("192.0.2.1"),
            FlowProtocol = FlowProtocol.NetFlowV9, SrcAddr = FlowAddress.Parse("198.51.100.7"), DstAddr = FlowAddress.Parse("10.0.0.1"),
            Protocol = 6, InputInterface = input, SrcAs = srcAs, Bytes = bytes, Packets = 1, SamplingRate = 1,
        };
        FlowRecord[] flows = [Flow(64501, 11, 100), Flow(64501, 11, 200), Flow(64502, 12, 4000), Flow(64503, 11, 50), Flow(64502, 13, 7)];
        await _db.CreateWriter().WriteAsync(flows, Ct); // the product's writer, which makes the partitions
        var preview = new TenantPreview(new TrafficQueries(_db.DataSource));
        var range = new TimeRange(new DateTimeOffset(t0.AddMinutes(-30)), new DateTimeOffset(t0.AddMinutes(30)));

        var result = await preview.RunAsync(ScopeTextCheck.Of("src as 64501, in if 192.0.2.1 13").Entries.ToList(), range, Ct);
        var nothing = await preview.RunAsync([], range, Ct);

        Assert.Equal(new TrafficTotals(3, 3, 307), result.Totals);
        Assert.Equal([("64501", 300L), ("64502", 7L)], result.SourceAses.Rows.Select(r => (r.Key, r.Bytes)));
        Assert.Equal(["192.0.2.1/11", "192.0.2.1/13"], result.InputInterfaces.Rows.Select(r => r.Key));
        Assert.Equal(TrafficTotals.Zero, result.SourceAses.Other);
        Assert.Equal(TrafficTotals.Zero, nothing.Totals);
    }
}
