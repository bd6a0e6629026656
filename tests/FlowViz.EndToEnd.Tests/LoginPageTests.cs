using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using FlowViz.Identity;
using Microsoft.Playwright;

namespace FlowViz.EndToEnd.Tests;

/// <summary>Logging in and out in a real browser, under the real Content-Security-Policy, and the lockout.</summary>
public sealed class LoginPageTests(SecuredApp fixture) : IClassFixture<SecuredApp>
{
    private const string Password = "a long enough password";

    [Fact]
    public async Task Admin_LogsIn_SeesAllTrafficAndTheChart_WithNoCspViolation()
    {
        await using var browser = await Browser.LaunchAsync();
        var (page, errors) = await browser.NewPageAsync();

        await LogInAsync(page, "admin", fixture.AdminPassword);
        await Browser.WaitForInteractiveAsync(page);

        Assert.Equal(KnownTraffic.Flows.ToString(), await page.GetByTestId("total-flows").GetAttributeAsync("data-value"));
        Assert.Equal("admin", await page.GetByTestId("user-menu").Locator(".user-name").InnerTextAsync());
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Artifacts.Screenshot("admin-overview.png"), FullPage = true });
        Assert.Empty(errors); // a CSP violation is reported as a console error
    }

    [Fact]
    public async Task Tenant_LogsIn_SeesOnlyItsTraffic_ThenLogsOut()
    {
        var ct = TestContext.Current.CancellationToken;
        var top = await fixture.Admin.GetFromJsonAsync<JsonElement>($"/api/v1/top?by=protocol&limit=10&{fixture.RangeQuery}", ct);
        // Scope the tenant to the hosts that sent ICMP: few flows, so a leak of anyone else's would show.
        var icmp = await fixture.Admin.GetFromJsonAsync<JsonElement>($"/api/v1/top?by=src_addr&limit=1&{fixture.RangeQuery}&filter=proto+icmp", ct);
        var address = icmp.GetProperty("rows")[0].GetProperty("key").GetString()!;
        await fixture.Admin.PostAsJsonAsync("/api/v1/admin/tenants", new { name = "browser-tenant", scope = $"src net {address}/32" }, ct);
        await fixture.CreateUserAsync("viewer", Password, Roles.TenantViewer, "browser-tenant");
        var expected = (await fixture.SummaryAsync(fixture.Admin, $"src net {address}/32")).GetProperty("flows").GetInt64();
        Assert.True(expected > 0 && expected < KnownTraffic.Flows && top.GetProperty("rows").GetArrayLength() > 1);

        await using var browser = await Browser.LaunchAsync();
        var (page, errors) = await browser.NewPageAsync();
        await LogInAsync(page, "viewer", Password);
        await Browser.WaitForInteractiveAsync(page);

        Assert.Equal(expected.ToString(), await page.GetByTestId("total-flows").GetAttributeAsync("data-value"));
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Artifacts.Screenshot("tenant-overview.png"), FullPage = true });

        await page.GetByTestId("logout").ClickAsync();
        await Assertions.Expect(page).ToHaveURLAsync(new Regex("/login"));
        await page.GotoAsync(new Uri(fixture.App.BaseAddress, "/?range=1h").ToString());
        await Assertions.Expect(page).ToHaveURLAsync(new Regex("/login"));
        Assert.Empty(errors);
    }

    [Fact]
    public async Task WrongPassword_SaysSo_AndFiveLockTheAccountEvenForTheRightOne()
    {
        await fixture.CreateUserAsync("locked", Password, Roles.Operator);
        await using var browser = await Browser.LaunchAsync();
        var (page, _) = await browser.NewPageAsync();

        for (var i = 0; i < 5; i++)
        {
            await LogInAsync(page, "locked", "not the password", expectOverview: false);
            await Assertions.Expect(page.GetByTestId("login-error")).ToBeVisibleAsync();
        }
        await LogInAsync(page, "locked", Password, expectOverview: false);

        await Assertions.Expect(page.GetByTestId("login-error")).ToContainTextAsync("locked");
    }

    [Fact]
    public async Task LoginPost_WithoutAntiforgeryToken_IsRefused()
    {
        using var form = new FormUrlEncodedContent(new Dictionary<string, string> { ["username"] = "admin", ["password"] = fixture.AdminPassword });
        using var client = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false }) { BaseAddress = fixture.App.BaseAddress };
        using var response = await client.PostAsync("/account/login", form, TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.False(response.Headers.Contains("Set-Cookie") && response.Headers.GetValues("Set-Cookie").Any(c => c.StartsWith("flowviz.login", StringComparison.Ordinal)));
    }

    private async Task LogInAsync(IPage page, string user, string password, bool expectOverview = true)
    {
        await page.GotoAsync(new Uri(fixture.App.BaseAddress, "/?range=1h").ToString());
        await Assertions.Expect(page).ToHaveURLAsync(new Regex("/login"));
        await page.GetByLabel("User name").FillAsync(user);
        await page.GetByLabel("Password").FillAsync(password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Log in" }).ClickAsync();
        if (expectOverview)
        {
            await Assertions.Expect(page).ToHaveURLAsync(new Regex("range=1h"));
        }
        else
        {
            // Polled, not page.WaitForURLAsync: that has missed the redirect's arrival under load.
            await Assertions.Expect(page).ToHaveURLAsync(new Regex("error="));
        }
    }
}
