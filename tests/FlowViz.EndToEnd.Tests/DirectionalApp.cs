using System.Net.Http.Json;
using System.Text.Json;

namespace FlowViz.EndToEnd.Tests;

/// <summary>
/// One FlowViz for every test of <see cref="DirectionalTraffic"/> (an instance costs CI time): the local network is
/// configured, so its flows are in and out, and the traffic is sent once over real UDP; the tests only read.
/// </summary>
public sealed class DirectionalApp : IAsyncLifetime
{
    private FlowVizApp? _app;

    public FlowVizApp App => _app ?? throw new InvalidOperationException("not started");

    /// <summary>Two hours on whole minutes around the flows (stamped when received), as <see cref="AppWithKnownTraffic"/> does.</summary>
    public DateTimeOffset From { get; } = WholeMinute(DateTimeOffset.UtcNow).AddHours(-1);

    public DateTimeOffset To => From.AddHours(2);

    public string RangeQuery => $"from={From.UtcDateTime:yyyy-MM-ddTHH:mm:ssZ}&to={To.UtcDateTime:yyyy-MM-ddTHH:mm:ssZ}";

    public async ValueTask InitializeAsync()
    {
        _app = FlowVizApp.Start(new Dictionary<string, string>
        {
            ["Enrichment:Networks:0:Name"] = "lab",
            ["Enrichment:Networks:0:Prefix"] = DirectionalTraffic.LocalNetwork,
        });
        await _app.SendAsync(DirectionalTraffic.Datagrams(DateTime.UtcNow));
        var deadline = DateTime.UtcNow.AddSeconds(30);
        long stored;
        while ((stored = (await GetJsonAsync($"/api/v1/summary?{RangeQuery}")).GetProperty("flows").GetInt64()) < DirectionalTraffic.Flows)
        {
            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"{stored} of {DirectionalTraffic.Flows} flows stored after 30 s");
            }
            await Task.Delay(100);
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (_app is not null)
        {
            await _app.DisposeAsync();
        }
    }

    public Task<JsonElement> GetJsonAsync(string pathAndQuery) => App.Http.GetFromJsonAsync<JsonElement>(pathAndQuery);

    public string Url(string pathAndQuery) => new Uri(App.BaseAddress, pathAndQuery).ToString();

    private static DateTimeOffset WholeMinute(DateTimeOffset time) => new(time.Ticks - time.Ticks % TimeSpan.TicksPerMinute, TimeSpan.Zero);
}
