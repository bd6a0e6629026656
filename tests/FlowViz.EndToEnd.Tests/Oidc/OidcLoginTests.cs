using System.Net;
using System.Text.Json;
using FlowViz.Identity;
using FlowViz.Identity.Audit;
using FlowViz.Identity.Oidc;
using FlowViz.Identity.Tenants;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;

namespace FlowViz.EndToEnd.Tests.Oidc;

/// <summary>
/// Single sign-on end to end, browserless: FlowViz's login button → the provider's authorize endpoint → form_post
/// back to /signin-oidc → FlowViz redeems the code (client secret, PKCE), validates the signed id_token, maps its
/// claims to a role and tenant, provisions the user and sets the login cookie; the API then answers in that scope.
/// </summary>
public sealed class OidcLoginTests(OidcApp fixture) : IClassFixture<OidcApp>
{
    private static CancellationToken Cancellation => TestContext.Current.CancellationToken;

    [Fact]
    public async Task TenantViewer_SignsInThroughTheProvider_AndTheApiAnswersInItsScopeOnly()
    {
        var address = await BusiestSourceAsync();
        var scope = $"src net {address}/32";
        await fixture.App.Services.GetRequiredService<TenantDirectory>().CreateAsync("as64500", TenantScopeText.Parse(scope), "test", Cancellation);
        fixture.Provider.NextUser = new()
        {
            ["sub"] = "f3c1-0001",
            ["preferred_username"] = "carol smith@as64500",
            ["groups"] = new[] { "/customers", "/staff-newsletter" },
            ["member_as"] = new[] { "as64500", "as64999-no-such-tenant" },
        };
        using var browser = new BrowserlessClient();

        var (landed, page) = await browser.NavigateAsync(fixture.Url("/login"), Cancellation);
        var (end, _) = await browser.NavigateAsync(fixture.Url($"{OidcAuthentication.StartPath.TrimStart('/')}?returnUrl=%2Fflows"), Cancellation);

        Assert.Contains("data-testid=\"login-sso\"", await page.Content.ReadAsStringAsync(Cancellation), StringComparison.Ordinal);
        Assert.Equal("/login", landed.AbsolutePath);
        Assert.Equal("/flows", end.AbsolutePath);
        Assert.Contains(browser.Visited, u => u.AbsoluteUri.StartsWith(fixture.Provider.Issuer + "/authorize", StringComparison.Ordinal));
        Assert.Contains(browser.Visited, u => u.AbsolutePath == "/signin-oidc");
        Assert.Empty(fixture.Provider.Refusals);
        Assert.True(browser.HasCookie(fixture.App.BaseAddress, "flowviz.login"));

        var summary = await GetJsonAsync(browser, $"/api/v1/summary?{fixture.RangeQuery}");
        var expected = await fixture.AllAsync(scope);
        Assert.True(expected.Flows > 0 && expected.Flows < KnownTraffic.Flows);
        Assert.Equal(expected.Flows, summary.GetProperty("flows").GetInt64());
        Assert.Equal(expected.Bytes, summary.GetProperty("bytes").GetInt64());
        Assert.Equal(JsonValueKind.Null, summary.GetProperty("completeFrom").ValueKind); // a recent range: raw flows hold it all
        var top = await GetJsonAsync(browser, $"/api/v1/top?by=dst_addr&limit=1000&{fixture.RangeQuery}&filter={Uri.EscapeDataString("not " + scope)}");
        Assert.Equal(0, top.GetProperty("rows").GetArrayLength());
        using var admin = await browser.GetAsync(fixture.Url("/api/v1/admin/users"), Cancellation);
        Assert.Equal(HttpStatusCode.Forbidden, admin.StatusCode);

        await using var services = fixture.App.Services.CreateAsyncScope();
        var users = services.ServiceProvider.GetRequiredService<Microsoft.AspNetCore.Identity.UserManager<FlowViz.Identity.Data.FlowVizUser>>();
        var user = await users.FindByLoginAsync(OidcUserProvisioner.LoginProvider, $"{fixture.Provider.Issuer}|f3c1-0001");
        Assert.Equal("carol_smith@as64500", Assert.IsType<FlowViz.Identity.Data.FlowVizUser>(user).UserName);
        Assert.Equal([Roles.TenantViewer], await users.GetRolesAsync(user));
        Assert.Equal(["as64500"], await fixture.App.Services.GetRequiredService<TenantDirectory>().TenantNamesOfAsync(user.Id, Cancellation));
        var audit = await fixture.App.Services.GetRequiredService<AuditLog>().ReadAsync(50, Cancellation);
        Assert.Contains(audit, e => e.Action == OidcAuditActions.UserProvisioned && e.Detail!.StartsWith("carol_smith@as64500", StringComparison.Ordinal));
        Assert.Contains(audit, e => e.Action == OidcAuditActions.Login && e.Actor == "carol_smith@as64500" && e.Detail!.Contains("tenant-viewer of as64500", StringComparison.Ordinal));
    }

    [Fact]
    public async Task SameSubject_LaterWithTheAdminRole_IsTheSameUser_NowSeeingEverything()
    {
        fixture.Provider.NextUser = new() { ["sub"] = "f3c1-0002", ["preferred_username"] = "dave", ["groups"] = "/customers", ["member_as"] = "nobody" };
        using var refusedBrowser = new BrowserlessClient();
        var (refused, _) = await refusedBrowser.NavigateAsync(fixture.Url("account/sso"), Cancellation);
        Assert.Equal("/login", refused.AbsolutePath); // a viewer of no existing tenant is refused

        fixture.Provider.NextUser = new() { ["sub"] = "f3c1-0002", ["preferred_username"] = "dave", ["groups"] = new[] { "/customers", "flowviz-admin" } };
        using var browser = new BrowserlessClient();
        var (end, _) = await browser.NavigateAsync(fixture.Url("account/sso"), Cancellation);

        Assert.Equal("/", end.AbsolutePath);
        var summary = await GetJsonAsync(browser, $"/api/v1/summary?{fixture.RangeQuery}");
        Assert.Equal(KnownTraffic.Flows, summary.GetProperty("flows").GetInt64());
        using var users = await browser.GetAsync(fixture.Url("/api/v1/admin/users"), Cancellation);
        Assert.Equal(HttpStatusCode.OK, users.StatusCode);
        var audit = await fixture.App.Services.GetRequiredService<AuditLog>().ReadAsync(50, Cancellation);
        Assert.Contains(audit, e => e.Action == OidcAuditActions.Refused && e.Detail!.Contains("names none that exists (nobody)", StringComparison.Ordinal));
        Assert.Single(audit, e => e.Action == OidcAuditActions.UserProvisioned && e.Detail!.StartsWith("dave ", StringComparison.Ordinal));
    }

    [Fact]
    public async Task TokenWithoutTheRoleClaim_IsRefused_NoCookieNoUserAndAudited()
    {
        fixture.Provider.NextUser = new() { ["sub"] = "f3c1-0003", ["preferred_username"] = "mallory", ["member_as"] = "as64500" };
        using var browser = new BrowserlessClient();

        var (end, page) = await browser.NavigateAsync(fixture.Url("account/sso"), Cancellation);

        Assert.Equal("/login", end.AbsolutePath);
        Assert.Equal("?error=sso", end.Query);
        Assert.Contains("data-testid=\"login-error\"", await page.Content.ReadAsStringAsync(Cancellation), StringComparison.Ordinal);
        Assert.False(browser.HasCookie(fixture.App.BaseAddress, "flowviz.login"));
        using var summary = await browser.GetAsync(fixture.Url($"/api/v1/summary?{fixture.RangeQuery}"), Cancellation);
        Assert.Equal(HttpStatusCode.Unauthorized, summary.StatusCode);
        await using var services = fixture.App.Services.CreateAsyncScope();
        Assert.Null(await services.ServiceProvider.GetRequiredService<UserManager<FlowViz.Identity.Data.FlowVizUser>>().FindByNameAsync("mallory"));
        var audit = await fixture.App.Services.GetRequiredService<AuditLog>().ReadAsync(50, Cancellation);
        Assert.Contains(audit, e => e.Action == OidcAuditActions.Refused && e.Actor == "mallory" && e.Detail!.Contains("no FlowViz role (claim 'groups'", StringComparison.Ordinal));
    }

    [Fact]
    public async Task LocalUserName_IsNotTakenOverBySso()
    {
        fixture.Provider.NextUser = new() { ["sub"] = "f3c1-0004", ["preferred_username"] = UserAccounts.AdminUserName, ["groups"] = "flowviz-admin" };
        using var browser = new BrowserlessClient();

        var (end, _) = await browser.NavigateAsync(fixture.Url("account/sso"), Cancellation);

        Assert.Equal("/login", end.AbsolutePath);
        Assert.False(browser.HasCookie(fixture.App.BaseAddress, "flowviz.login"));
    }

    private async Task<string> BusiestSourceAsync()
    {
        var top = await fixture.App.Services.GetRequiredService<FlowViz.Storage.Queries.TrafficQueries>().TopAsync(
            new FlowViz.Core.Queries.TopQuery(fixture.Range, FlowViz.Core.Queries.FlowDimension.SrcAddr, FlowViz.Core.Queries.TrafficMetric.Bytes, 1), Cancellation);
        return top.Rows[0].Key;
    }

    private async Task<JsonElement> GetJsonAsync(BrowserlessClient browser, string pathAndQuery)
    {
        using var response = await browser.GetAsync(fixture.Url(pathAndQuery), Cancellation);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return JsonDocument.Parse(await response.Content.ReadAsStringAsync(Cancellation)).RootElement.Clone();
    }
}
