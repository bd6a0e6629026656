using System.Net;
using System.Text.RegularExpressions;
using FlowViz.Identity.Administration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace FlowViz.EndToEnd.Tests;

/// <summary>
/// The admin pages in a real browser under the real CSP: an admin makes a tenant and its user, and that user then
/// sees its own ASes and interfaces and nothing of another customer's, whatever it types; tokens from the tokens
/// page work on the API until revoked there; axe finds nothing serious on the admin pages.
/// </summary>
public sealed class AdminPagesTests(AdminPortalApp fixture) : IClassFixture<AdminPortalApp>
{
    private static readonly PortalTraffic.Customer Red = PortalTraffic.Red;
    private static readonly PortalTraffic.Customer Blue = PortalTraffic.Blue;

    [Fact]
    public async Task AdminCreatesTenantAndUser_TenantSeesOnlyItsAsesAndInterfaces_AdminSeesAll()
    {
        await using var browser = await Browser.LaunchAsync();
        var (page, errors) = await browser.NewPageAsync();
        await fixture.LogInAsync(page, "admin", fixture.Secured.AdminPassword, "/admin/tenants");
        await Assertions.Expect(page.GetByTestId("nav-admin")).ToBeVisibleAsync();

        await page.GetByTestId("tenant-new").ClickAsync();
        await page.GetByTestId("tenant-name").FillAsync(Red.Name);
        await page.GetByTestId("scope-text").FillAsync($"as {Red.As}\nin if 127.0.0.1 eleven");
        await Assertions.Expect(page.GetByTestId("scope-error")).ToContainTextAsync("Line 2, column 1: Scope entry 'in if 127.0.0.1 eleven'");
        await Assertions.Expect(page.GetByTestId("tenant-save")).ToBeDisabledAsync();
        await page.GetByTestId("scope-text").FillAsync(Red.Scope);
        await page.GetByTestId("tenant-preview-run").ClickAsync();
        var preview = page.GetByTestId("tenant-preview");
        await Assertions.Expect(preview.GetByTestId("total-flows")).ToHaveAttributeAsync("data-value", Red.Flows.ToString());
        Assert.Equal([Red.As.ToString()], await KeysAsync(preview.Locator("table:has(caption:text('Top source ASes')) [data-testid=top-row]")));
        Assert.Equal([$"127.0.0.1/{Red.InputInterface}"], await KeysAsync(preview.Locator("table:has(caption:text('Top input interfaces')) [data-testid=top-row]")));
        await page.ScreenshotAsync(new() { Path = Artifacts.Screenshot("admin-tenant-preview.png"), FullPage = true });
        await Accessibility.AssertNoSeriousViolationsAsync(page);
        await page.GetByTestId("tenant-save").ClickAsync();
        await Assertions.Expect(page.GetByTestId("admin-message")).ToContainTextAsync($"Tenant {Red.Name} created");

        await fixture.GoToAsync(page, "/admin/users");
        await page.GetByTestId("user-new-name").FillAsync("red-viewer");
        await page.GetByTestId("user-new-password").FillAsync(AdminPortalApp.Password);
        await page.GetByTestId("user-new-role").SelectOptionAsync("tenant-viewer");
        await page.GetByTestId("user-new-tenant").SelectOptionAsync(Red.Name);
        await page.GetByTestId("user-create").ClickAsync();
        await Assertions.Expect(page.GetByTestId("admin-message")).ToContainTextAsync("User red-viewer created");
        await Assertions.Expect(page.Locator("[data-testid=user-row][data-name=red-viewer] [data-testid=user-tenant] option:checked")).ToHaveTextAsync(Red.Name);
        await page.ScreenshotAsync(new() { Path = Artifacts.Screenshot("admin-users.png"), FullPage = true });
        await Accessibility.AssertNoSeriousViolationsAsync(page);
        await fixture.GoToAsync(page, "/admin/tenants");
        await page.Locator($"[data-testid=tenant-row][data-name={Red.Name}] [data-testid=tenant-edit]").ClickAsync();
        await Assertions.Expect(page.GetByTestId("tenant-member")).ToContainTextAsync("red-viewer");
        await AdminPortalApp.LogOutAsync(page);

        await fixture.LogInAsync(page, "red-viewer", AdminPortalApp.Password, "/?range=1h");
        await Assertions.Expect(page.GetByTestId("total-flows")).ToHaveAttributeAsync("data-value", Red.Flows.ToString());
        Assert.Empty(await page.GetByTestId("nav-admin").AllAsync());
        await fixture.GoToAsync(page, "/as?range=1h");
        await Assertions.Expect(page.GetByTestId("stats-row").First).ToBeVisibleAsync();
        Assert.Equal([Red.As.ToString()], await KeysAsync(page.GetByTestId("stats-row")));
        await fixture.GoToAsync(page, "/flows?range=1h");
        await Assertions.Expect(page.GetByTestId("flow-row")).ToHaveCountAsync(Red.Flows);
        Assert.All(await page.GetByTestId("flow-src").AllInnerTextsAsync(), src => Assert.StartsWith(Red.AddressPrefix, src));
        // Another customer's AS or interface, typed into the address or the filter box: nothing of it.
        await fixture.GoToAsync(page, $"/as/{Blue.As}?range=1h");
        await Assertions.Expect(page.GetByTestId("empty-state")).ToBeVisibleAsync();
        foreach (var filter in new[] { $"as {Blue.As}", $"in if {Blue.InputInterface}", $"as {Blue.As} or not as {Red.As}" })
        {
            await fixture.GoToAsync(page, "/?range=1h&filter=" + Uri.EscapeDataString(filter));
            await Assertions.Expect(page.GetByTestId("total-flows")).ToHaveAttributeAsync("data-value", "0");
        }
        await fixture.GoToAsync(page, "/?range=1h");
        await page.GetByTestId("filter-input").FillAsync($"if {Blue.InputInterface} or as {Blue.As}");
        await page.GetByTestId("filter-apply").ClickAsync();
        await Assertions.Expect(page).ToHaveURLAsync(new Regex("filter="));
        await Assertions.Expect(page.GetByTestId("total-flows")).ToHaveAttributeAsync("data-value", "0");
        await page.GotoAsync(new Uri(fixture.BaseAddress, "/admin/tenants").ToString());
        await Assertions.Expect(page).ToHaveURLAsync(new Regex("/login"));
        await fixture.GoToAsync(page, "/?range=1h");
        await AdminPortalApp.LogOutAsync(page);

        await fixture.LogInAsync(page, "admin", fixture.Secured.AdminPassword, "/?range=1h");
        await Assertions.Expect(page.GetByTestId("total-flows")).ToHaveAttributeAsync("data-value", (KnownTraffic.Flows + PortalTraffic.Flows).ToString());
        await AdminPortalApp.LogOutAsync(page);
        Assert.Empty(errors); // a CSP violation is reported as a console error
    }

    [Fact]
    public async Task TokenFromTheTokensPage_WorksOnTheApi_UntilRevokedThere()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var browser = await Browser.LaunchAsync();
        var (page, errors) = await browser.NewPageAsync();
        await fixture.LogInAsync(page, "admin", fixture.Secured.AdminPassword, "/tokens");

        await page.GetByTestId("token-name").FillAsync("from the page");
        await page.GetByTestId("token-create").ClickAsync();
        var secret = await page.GetByTestId("token-secret-value").InputValueAsync();
        Assert.StartsWith("fvt_", secret, StringComparison.Ordinal);
        await page.ScreenshotAsync(new() { Path = Artifacts.Screenshot("tokens-created.png"), FullPage = true });
        using var client = fixture.Secured.ClientWithToken(secret);
        using (var ok = await client.GetAsync($"/api/v1/summary?{fixture.Secured.RangeQuery}", ct))
        {
            Assert.Equal(HttpStatusCode.OK, ok.StatusCode);
        }

        // Shown once: after a reload only its first characters are left, and its use is recorded.
        await fixture.GoToAsync(page, "/tokens");
        Assert.Empty(await page.GetByTestId("token-secret").AllAsync());
        Assert.DoesNotContain(secret, await page.ContentAsync(), StringComparison.Ordinal);
        var row = page.Locator("[data-testid=token-row][data-name='from the page']");
        await Assertions.Expect(row.GetByTestId("token-last-used")).Not.ToHaveTextAsync("never");
        await Accessibility.AssertNoSeriousViolationsAsync(page);
        await row.GetByTestId("token-revoke").ClickAsync();
        await Assertions.Expect(row.GetByTestId("token-state")).ToHaveTextAsync("revoked");

        using var refused = await client.GetAsync($"/api/v1/summary?{fixture.Secured.RangeQuery}", ct);
        Assert.Equal(HttpStatusCode.Unauthorized, refused.StatusCode);
        Assert.Empty(errors);
    }

    [Fact]
    public async Task LockedUser_ItsTokenIsRefusedAtOnce_UntilUnlocked()
    {
        var ct = TestContext.Current.CancellationToken;
        await fixture.Secured.CreateUserAsync("lockable", AdminPortalApp.Password, Identity.Roles.Operator);
        using var client = fixture.Secured.ClientWithToken(await fixture.Secured.CreateTokenAsync("lockable", "script"));
        var users = fixture.Secured.App.Services.GetRequiredService<UserAdministration>();
        var summary = $"/api/v1/summary?{fixture.Secured.RangeQuery}";
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(summary, ct)).StatusCode);

        await users.LockAsync("lockable", "e2e", ct);
        var whileLocked = (await client.GetAsync(summary, ct)).StatusCode;
        await users.UnlockAsync("lockable", "e2e", ct);

        Assert.Equal(HttpStatusCode.Unauthorized, whileLocked);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(summary, ct)).StatusCode);
    }

    [Fact]
    public async Task AuditLog_ShowsAdminChanges_FilteredAndPaged_WithTheirZone()
    {
        await using var browser = await Browser.LaunchAsync();
        var (page, errors) = await browser.NewPageAsync(timeZone: "Asia/Tokyo");
        await fixture.LogInAsync(page, "admin", fixture.Secured.AdminPassword, "/admin/audit?action=login");

        await Assertions.Expect(page.GetByTestId("audit-row").First).ToBeVisibleAsync();
        Assert.All(await page.GetByTestId("audit-row").EvaluateAllAsync<string[]>("rows => rows.map(r => r.dataset.action)"),
            action => Assert.StartsWith("login", action, StringComparison.Ordinal));
        await Assertions.Expect(page.Locator("caption")).ToContainTextAsync("Asia/Tokyo (UTC+09:00)");
        await page.ScreenshotAsync(new() { Path = Artifacts.Screenshot("admin-audit.png"), FullPage = true });
        await Accessibility.AssertNoSeriousViolationsAsync(page);
        await page.GetByTestId("audit-action").SelectOptionAsync(new SelectOptionValue { Label = "(all)" });
        await Assertions.Expect(page).Not.ToHaveURLAsync(new Regex("action="));
        await Assertions.Expect(page.GetByTestId("audit-position")).ToContainTextAsync("Page 1 of");
        Assert.Empty(errors);
    }

    private static async Task<string[]> KeysAsync(ILocator rows) =>
        [.. (await rows.EvaluateAllAsync<string[]>("rows => rows.map(r => r.dataset.key)")).Distinct()];
}
