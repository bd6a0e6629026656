using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using FlowViz.Identity;
using FlowViz.Storage.Interfaces;
using Microsoft.Extensions.DependencyInjection;

namespace FlowViz.EndToEnd.Tests;

/// <summary>The HTTP API with anonymous read off: tokens, tenant scopes, revocation, administration, audit.</summary>
public sealed class AuthApiTests(SecuredApp fixture) : IClassFixture<SecuredApp>
{
    private const string Password = "a long enough password";

    [Theory]
    [InlineData("/api/v1/summary?from=2026-01-01T00:00:00Z&to=2026-01-02T00:00:00Z")]
    [InlineData("/api/v1/exporters")]
    [InlineData("/api/v1/admin/audit")]
    [InlineData("/api/v1/tokens")]
    [InlineData("/metrics")]
    public async Task ReadPaths_WithoutLogin_Are401(string path)
    {
        using var response = await fixture.App.Http.GetAsync(path, TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task Pages_WithoutLogin_RedirectToTheLoginForm_AndCarrySecurityHeaders()
    {
        using var client = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false }) { BaseAddress = fixture.App.BaseAddress };
        using var page = await client.GetAsync("/?range=1h", TestContext.Current.CancellationToken);
        using var login = await client.GetAsync("/login", TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.Redirect, page.StatusCode);
        Assert.StartsWith("/login", page.Headers.Location!.PathAndQuery, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, login.StatusCode);
        var csp = login.Headers.GetValues("Content-Security-Policy").Single();
        Assert.Contains("script-src 'self' 'nonce-", csp, StringComparison.Ordinal);
        Assert.Contains("frame-ancestors 'none'", csp, StringComparison.Ordinal);
        Assert.Equal("nosniff", login.Headers.GetValues("X-Content-Type-Options").Single());
        Assert.Equal("DENY", login.Headers.GetValues("X-Frame-Options").Single());
    }

    [Theory]
    [InlineData(null)]
    [InlineData("proto udp")]
    [InlineData("not ({scope})")]
    [InlineData("{scope} or proto udp")]
    [InlineData("or_as")]
    [InlineData("not proto udp or not proto tcp")]
    [InlineData("not (proto 255)")]
    public async Task TenantToken_SeesOnlyItsScope_WhateverItsFilter(string? filter)
    {
        var ct = TestContext.Current.CancellationToken;
        var (tenant, scope) = await CreateTenantViewerAsync($"scoped{Math.Abs((filter ?? "").GetHashCode())}");
        filter = filter?.Replace("{scope}", scope, StringComparison.Ordinal).Replace("or_as", "as 0 or as 64512 or not as 0", StringComparison.Ordinal);

        var seen = await fixture.SummaryAsync(tenant, filter);
        var expected = await fixture.SummaryAsync(fixture.Admin, filter is null ? scope : $"({scope}) and ({filter})");
        var everything = await fixture.SummaryAsync(fixture.Admin, null);

        Assert.Equal(expected.GetProperty("flows").GetInt64(), seen.GetProperty("flows").GetInt64());
        Assert.Equal(expected.GetProperty("bytes").GetInt64(), seen.GetProperty("bytes").GetInt64());
        Assert.True(seen.GetProperty("flows").GetInt64() < everything.GetProperty("flows").GetInt64());
        var top = await tenant.GetFromJsonAsync<JsonElement>($"/api/v1/top?by=src_addr&limit=1000&{fixture.RangeQuery}{SecuredApp.Filter(filter)}", ct);
        Assert.All(top.GetProperty("rows").EnumerateArray(), row => Assert.Equal(scope["src net ".Length..^3], row.GetProperty("key").GetString()));
        Assert.Equal(0, top.GetProperty("other").GetProperty("flows").GetInt64());
    }

    [Theory]
    [InlineData(null)]
    [InlineData("not ({scope})")]
    [InlineData("{scope} or proto udp")]
    public async Task TenantToken_RawFlowsAndCsv_HoldOnlyItsScope(string? filter)
    {
        var ct = TestContext.Current.CancellationToken;
        var (tenant, scope) = await CreateTenantViewerAsync($"raw{Math.Abs((filter ?? "").GetHashCode())}");
        filter = filter?.Replace("{scope}", scope, StringComparison.Ordinal);
        var address = scope["src net ".Length..^3];
        var expected = (await fixture.SummaryAsync(fixture.Admin, filter is null ? scope : $"({scope}) and ({filter})")).GetProperty("flows").GetInt64();

        var page = await tenant.GetFromJsonAsync<JsonElement>($"/api/v1/flows?limit=10000&{fixture.RangeQuery}{SecuredApp.Filter(filter)}", ct);
        var csv = await tenant.GetStringAsync($"/api/v1/flows?format=csv&{fixture.RangeQuery}{SecuredApp.Filter(filter)}", ct);

        var rows = page.GetProperty("flows").EnumerateArray().ToList();
        Assert.Equal(expected, rows.Count);
        Assert.All(rows, row => Assert.Equal(address, row.GetProperty("src_addr").GetString()));
        var lines = csv.Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(expected, lines.Length - 1); // the header, then one line per flow
        var srcColumn = Array.IndexOf(lines[0].Split(','), "src_addr");
        Assert.All(lines.Skip(1), line => Assert.Equal(address, line.Split(',')[srcColumn]));
    }

    [Fact]
    public async Task TenantToken_ListsOnlyTheExportersOfItsInterfaces()
    {
        var ct = TestContext.Current.CancellationToken;
        var (tenant, _) = await CreateTenantViewerAsync("no-interfaces");

        var theirs = await tenant.GetFromJsonAsync<JsonElement>("/api/v1/exporters", ct);
        var all = await fixture.Admin.GetFromJsonAsync<JsonElement>("/api/v1/exporters", ct);

        Assert.Equal(0, theirs.GetProperty("exporters").GetArrayLength());
        Assert.True(all.GetProperty("exporters").GetArrayLength() > 0);
    }

    [Fact]
    public async Task TenantToken_ListsOnlyTheInterfacesOfItsScope_AndNotTheUnclassifiedReport()
    {
        var ct = TestContext.Current.CancellationToken;
        // As if the exporter had sent ifName in options data (softflowd sends none).
        await fixture.App.Services.GetRequiredService<InterfaceSources>().RecordObservedAsync(
            [new(IPAddress.Loopback, 21, "xe-0/0/21", "Customer A", null), new(IPAddress.Loopback, 22, "xe-0/0/22", "Customer B", null)], ct);
        var all = (await fixture.Admin.GetFromJsonAsync<JsonElement>("/api/v1/interfaces", ct)).GetProperty("interfaces").EnumerateArray().ToList();
        Assert.Equal(2, all.Count(i => i.GetProperty("ifIndex").GetInt64() is 21 or 22));
        const string exporter = "127.0.0.1";
        const long ifIndex = 21;
        using var tenant = await fixture.Admin.PostAsJsonAsync("/api/v1/admin/tenants", new { name = "one-interface", scope = $"in if {exporter} {ifIndex}" }, ct);
        Assert.Equal(HttpStatusCode.Created, tenant.StatusCode);
        using var user = await fixture.Admin.PostAsJsonAsync("/api/v1/admin/users",
            new { userName = "one-interface-user", password = Password, role = Roles.TenantViewer, tenants = new[] { "one-interface" } }, ct);
        Assert.Equal(HttpStatusCode.Created, user.StatusCode);
        using var client = fixture.ClientWithToken(await fixture.CreateTokenAsync("one-interface-user", "api"));
        var (asOnly, _) = await CreateTenantViewerAsync("no-interface-list");

        var listed = (await client.GetFromJsonAsync<JsonElement>("/api/v1/interfaces", ct)).GetProperty("interfaces").EnumerateArray().ToList();
        var none = (await asOnly.GetFromJsonAsync<JsonElement>("/api/v1/interfaces", ct)).GetProperty("interfaces").GetArrayLength();
        using var report = await client.GetAsync($"/api/v1/interfaces/unclassified?{fixture.RangeQuery}", ct);
        using var rules = await client.GetAsync("/api/v1/interface-rules", ct);

        var only = Assert.Single(listed);
        Assert.Equal(exporter, only.GetProperty("exporter").GetString());
        Assert.Equal(ifIndex, only.GetProperty("ifIndex").GetInt64());
        Assert.Equal(0, none);
        Assert.Equal(HttpStatusCode.Forbidden, report.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, rules.StatusCode);
    }

    [Fact]
    public async Task RevokedToken_Gets401AtOnce()
    {
        var ct = TestContext.Current.CancellationToken;
        using var created = await fixture.Admin.PostAsJsonAsync("/api/v1/tokens", new { name = "to revoke", days = 1 }, ct);
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var body = await created.Content.ReadFromJsonAsync<JsonElement>(ct);
        using var client = fixture.ClientWithToken(body.GetProperty("token").GetString()!);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/v1/exporters", ct)).StatusCode);

        using var revoked = await fixture.Admin.DeleteAsync($"/api/v1/tokens/{body.GetProperty("id").GetInt64()}", ct);

        Assert.Equal(HttpStatusCode.NoContent, revoked.StatusCode);
        using var after = await client.GetAsync("/api/v1/exporters", ct);
        Assert.Equal(HttpStatusCode.Unauthorized, after.StatusCode);
        Assert.Equal("Bearer", after.Headers.WwwAuthenticate.Single().Scheme);
    }

    [Fact]
    [System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
    public void FirstStart_WroteTheAdminPassword_ReadableByItsOwnerOnly()
    {
        var file = Path.Combine(fixture.App.DataDirectory, "admin-password");
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(file));
        Assert.True(fixture.AdminPassword.Length >= 20);
    }

    [Fact]
    public async Task MadeUpToken_Is401()
    {
        using var client = fixture.ClientWithToken("fvt_" + new string('A', 43));
        using var response = await client.GetAsync("/api/v1/exporters", TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task AdminApi_TenantViewer_Is403_AndAuditShowsTokenUseAndChanges()
    {
        var ct = TestContext.Current.CancellationToken;
        var (tenant, _) = await CreateTenantViewerAsync("nosy");

        using var forbidden = await tenant.GetAsync("/api/v1/admin/audit", ct);
        var audit = await fixture.Admin.GetFromJsonAsync<JsonElement>("/api/v1/admin/audit?limit=1000", ct);

        Assert.Equal(HttpStatusCode.Forbidden, forbidden.StatusCode);
        var actions = audit.EnumerateArray().Select(e => (e.GetProperty("actor").GetString(), e.GetProperty("action").GetString())).ToList();
        Assert.Contains(("admin", "tenant.created"), actions);
        Assert.Contains(("admin", "user.created"), actions);
        Assert.Contains(("nosy-user", "token.used"), actions);
    }

    [Fact]
    public async Task AdminApi_BadScope_Is400WithTheReason()
    {
        using var response = await fixture.Admin.PostAsJsonAsync("/api/v1/admin/tenants", new { name = "bad", scope = "net 10.0.0.1/8" },
            TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("host bits set", await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken), StringComparison.Ordinal);
    }

    /// <summary>A tenant scoped to the busiest source address, a viewer in it, and a client with the viewer's token.</summary>
    private async Task<(HttpClient Client, string Scope)> CreateTenantViewerAsync(string name)
    {
        var ct = TestContext.Current.CancellationToken;
        var top = await fixture.Admin.GetFromJsonAsync<JsonElement>($"/api/v1/top?by=src_addr&limit=1&{fixture.RangeQuery}", ct);
        var address = top.GetProperty("rows")[0].GetProperty("key").GetString()!;
        var scope = $"src net {address}/32";
        using var tenant = await fixture.Admin.PostAsJsonAsync("/api/v1/admin/tenants", new { name, scope }, ct);
        Assert.Equal(HttpStatusCode.Created, tenant.StatusCode);
        using var user = await fixture.Admin.PostAsJsonAsync("/api/v1/admin/users",
            new { userName = $"{name}-user", password = Password, role = Roles.TenantViewer, tenants = new[] { name } }, ct);
        Assert.Equal(HttpStatusCode.Created, user.StatusCode);
        return (fixture.ClientWithToken(await fixture.CreateTokenAsync($"{name}-user", "api")), scope);
    }
}
