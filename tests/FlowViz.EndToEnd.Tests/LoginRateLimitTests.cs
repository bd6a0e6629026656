using System.Net;

namespace FlowViz.EndToEnd.Tests;

/// <summary>Its own FlowViz with a tiny login budget, so the 429s it provokes reach no other test.</summary>
public sealed class LoginRateLimitTests
{
    [Fact]
    public async Task LoginPosts_BeyondTheBudget_Get429()
    {
        await using var app = FlowVizApp.Start(new Dictionary<string, string>
        {
            ["Auth:AnonymousRead"] = "false",
            ["Auth:LoginAttemptsPerMinute"] = "3",
        });
        using var client = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false }) { BaseAddress = app.BaseAddress };
        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 5; i++)
        {
            using var form = new FormUrlEncodedContent(new Dictionary<string, string> { ["username"] = "admin", ["password"] = "guess" + i });
            using var response = await client.PostAsync("/account/login", form, TestContext.Current.CancellationToken);
            statuses.Add(response.StatusCode);
        }
        Assert.DoesNotContain(HttpStatusCode.TooManyRequests, statuses[..3]);
        Assert.Equal([HttpStatusCode.TooManyRequests, HttpStatusCode.TooManyRequests], statuses[3..]);
    }
}
