using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using FlowViz.Identity;
using FlowViz.Identity.Tokens;
using Microsoft.Extensions.DependencyInjection;

namespace FlowViz.EndToEnd.Tests;

/// <summary>
/// FlowViz as deployed for customers: anonymous read off, the first-start admin (its password read back from
/// the file FlowViz wrote), fed <see cref="KnownTraffic"/> over UDP. Its own instance, so the rate limiter and
/// lockouts the tests provoke touch nothing else.
/// </summary>
public sealed class SecuredApp : IAsyncLifetime
{
    private FlowVizApp? _app;

    public FlowVizApp App => _app ?? throw new InvalidOperationException("not started");

    public string AdminPassword { get; private set; } = "";

    /// <summary>A client carrying an admin's API token.</summary>
    public HttpClient Admin { get; private set; } = new();

    public DateTimeOffset From { get; } = new DateTimeOffset(DateTimeOffset.UtcNow.Ticks - DateTimeOffset.UtcNow.Ticks % TimeSpan.TicksPerMinute, TimeSpan.Zero).AddHours(-1);

    public string RangeQuery => $"from={From.UtcDateTime:yyyy-MM-ddTHH:mm:ssZ}&to={From.AddHours(2).UtcDateTime:yyyy-MM-ddTHH:mm:ssZ}";

    public async ValueTask InitializeAsync()
    {
        // A login budget well above what the tests post (the lockout test alone posts six): the 429 path has its
        // own app (LoginRateLimitTests), and order between these tests must not decide whether one is refused.
        _app = FlowVizApp.Start(new Dictionary<string, string>
        {
            ["Auth:AnonymousRead"] = "false",
            ["Auth:LoginAttemptsPerMinute"] = "1000",
        });
        AdminPassword = (await File.ReadAllTextAsync(Path.Combine(App.DataDirectory, "admin-password"))).Trim();
        Admin = ClientWithToken(await CreateTokenAsync("admin", "e2e admin"));
        await App.SendAsync(KnownTraffic.Datagrams());
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while ((await SummaryAsync(Admin, null)).GetProperty("flows").GetInt64() < KnownTraffic.Flows)
        {
            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException("the known traffic was not stored within 30 s");
            }
            await Task.Delay(100);
        }
    }

    public HttpClient ClientWithToken(string token)
    {
        var client = new HttpClient { BaseAddress = App.BaseAddress };
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client;
    }

    /// <summary>Makes a user through the product's own account service, as the CLI does.</summary>
    public async Task CreateUserAsync(string name, string password, string role, params string[] tenants)
    {
        await using var scope = App.Services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<UserAccounts>().CreateAsync(name, password, role, tenants, "e2e", CancellationToken.None);
    }

    public async Task<string> CreateTokenAsync(string userName, string tokenName)
    {
        await using var scope = App.Services.CreateAsyncScope();
        var user = await scope.ServiceProvider.GetRequiredService<UserAccounts>().FindAsync(userName)
            ?? throw new InvalidOperationException($"no user {userName}");
        var (_, secret) = await App.Services.GetRequiredService<ApiTokens>().CreateAsync(user.Id, tokenName, TimeSpan.FromDays(1), CancellationToken.None);
        return secret;
    }

    public async Task<JsonElement> SummaryAsync(HttpClient client, string? filter) =>
        await client.GetFromJsonAsync<JsonElement>($"/api/v1/summary?{RangeQuery}{Filter(filter)}");

    public static string Filter(string? filter) => filter is null ? "" : "&filter=" + Uri.EscapeDataString(filter);

    public async ValueTask DisposeAsync()
    {
        Admin.Dispose();
        if (_app is not null)
        {
            await _app.DisposeAsync();
        }
    }
}
