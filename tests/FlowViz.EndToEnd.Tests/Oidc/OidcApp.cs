using FlowViz.Core.Filtering;
using FlowViz.Core.Queries;
using FlowViz.Storage.Queries;
using Microsoft.Extensions.DependencyInjection;

namespace FlowViz.EndToEnd.Tests.Oidc;

/// <summary>
/// FlowViz with single sign-on through <see cref="TestOidcProvider"/> (anonymous read off), fed
/// <see cref="KnownTraffic"/> over UDP. Its own instance: SSO settings are read at start-up.
/// </summary>
public sealed class OidcApp : IAsyncLifetime
{
    private FlowVizApp? _app;

    public FlowVizApp App => _app ?? throw new InvalidOperationException("not started");

    public TestOidcProvider Provider { get; private set; } = null!;

    public TimeRange Range { get; } = TimeRange.Last(TimeSpan.FromHours(2), DateTimeOffset.UtcNow.AddHours(1));

    public string RangeQuery => $"from={Range.From.UtcDateTime:yyyy-MM-ddTHH:mm:ssZ}&to={Range.To.UtcDateTime:yyyy-MM-ddTHH:mm:ssZ}";

    public async ValueTask InitializeAsync()
    {
        Provider = await TestOidcProvider.StartAsync();
        _app = FlowVizApp.Start(new Dictionary<string, string>
        {
            ["Auth:AnonymousRead"] = "false",
            ["Auth:Oidc:Authority"] = Provider.Issuer,
            ["Auth:Oidc:ClientId"] = TestOidcProvider.ClientId,
            ["Auth:Oidc:ClientSecret"] = TestOidcProvider.ClientSecret,
            ["Auth:Oidc:RequireHttpsMetadata"] = "false", // the test provider is plain HTTP on loopback
            ["Auth:Oidc:RoleClaim"] = "groups",
            ["Auth:Oidc:RoleValues:tenant-viewer"] = "/customers",
            ["Auth:Oidc:TenantClaim"] = "member_as",
        });
        await App.SendAsync(KnownTraffic.Datagrams());
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while ((await AllAsync(null)).Flows < KnownTraffic.Flows)
        {
            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException("the known traffic was not stored within 30 s");
            }
            await Task.Delay(100);
        }
    }

    /// <summary>The unscoped answer, straight from the storage's query service.</summary>
    public Task<TrafficTotals> AllAsync(string? filter) =>
        App.Services.GetRequiredService<TrafficQueries>().SummaryAsync(
            new SummaryQuery(Range, filter is null ? null : FilterParser.Parse(filter)), CancellationToken.None);

    public Uri Url(string pathAndQuery) => new(App.BaseAddress, pathAndQuery);

    public async ValueTask DisposeAsync()
    {
        if (_app is not null)
        {
            await _app.DisposeAsync();
        }
        await Provider.DisposeAsync();
    }
}
