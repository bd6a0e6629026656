using System.Net.Http.Json;
using System.Text.Json;

namespace FlowViz.EndToEnd.Tests;

/// <summary>
/// One FlowViz for the whole test assembly, fed <see cref="KnownTraffic"/> over real UDP once; the tests
/// then only read, so they can share it.
/// </summary>
public sealed class AppWithKnownTraffic : IAsyncLifetime
{
    private FlowVizApp? _app;

    public FlowVizApp App => _app ?? throw new InvalidOperationException("not started");

    /// <summary>
    /// A range that holds every flow sent (they are stamped with the time they were received), on whole
    /// minutes so that a 60 s series has exactly 120 buckets.
    /// </summary>
    public DateTimeOffset From { get; } = WholeMinute(DateTimeOffset.UtcNow).AddHours(-1);

    public DateTimeOffset To => From.AddHours(2);

    public string RangeQuery => $"from={From.UtcDateTime:yyyy-MM-ddTHH:mm:ssZ}&to={To.UtcDateTime:yyyy-MM-ddTHH:mm:ssZ}";

    public async ValueTask InitializeAsync()
    {
        _app = FlowVizApp.Start();
        await _app.SendAsync(KnownTraffic.Datagrams());
        await WaitForStoredFlowsAsync(KnownTraffic.Flows, TimeSpan.FromSeconds(30));
    }

    public async ValueTask DisposeAsync()
    {
        if (_app is not null)
        {
            await _app.DisposeAsync();
        }
    }

    public Task<JsonElement> GetJsonAsync(string pathAndQuery) =>
        App.Http.GetFromJsonAsync<JsonElement>(pathAndQuery, TestContext.Current.CancellationToken);

    private static DateTimeOffset WholeMinute(DateTimeOffset time) => new(time.Ticks - time.Ticks % TimeSpan.TicksPerMinute, TimeSpan.Zero);

    private async Task WaitForStoredFlowsAsync(long expected, TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        long stored = 0;
        while (DateTime.UtcNow < deadline)
        {
            var summary = await App.Http.GetFromJsonAsync<JsonElement>($"/api/v1/summary?{RangeQuery}");
            stored = summary.GetProperty("flows").GetInt64();
            if (stored >= expected)
            {
                return;
            }
            await Task.Delay(100);
        }
        throw new TimeoutException($"{stored} of {expected} flows stored after {timeout}");
    }
}
