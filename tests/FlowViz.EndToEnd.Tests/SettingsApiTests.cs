using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace FlowViz.EndToEnd.Tests;

/// <summary>
/// The settings API on a running FlowViz fed over real UDP: saving application rules swaps the collector's
/// enrichment while it runs, so flows received before keep the old application and flows after get the new one.
/// </summary>
[Collection(SettingsAppCollection.Name)]
public sealed class SettingsApiTests(SettingsApp fixture)
{
    private static CancellationToken Cancellation => TestContext.Current.CancellationToken;

    [Fact]
    public async Task ApplicationRules_SaveWithVersion_NewFlowsGetNewApplicationOldKeepTheirs()
    {
        await fixture.SendFlowsToPortAsync(7777, 3);
        await fixture.WaitForFlowsAsync("dst port 7777", 3);
        Assert.Equal(0, await fixture.FlowsAsync("app frobnicator"));
        var current = await GetAsync("/api/v1/settings/applications");
        var version = current.GetProperty("version").GetInt64();

        using var invalid = await fixture.App.Http.PutAsJsonAsync("/api/v1/settings/applications", new
        {
            version, rules = new[] { new { name = "frobnicator", protocol = "tcpx", ports = "7777" }, new { name = "ok", protocol = "udp", ports = "99999" } },
        }, Cancellation);
        Assert.Equal(HttpStatusCode.BadRequest, invalid.StatusCode);
        var errors = (await ReadAsync(invalid)).GetProperty("errors");
        Assert.Equal(["rules[0].protocol", "rules[1].ports"], errors.EnumerateObject().Select(e => e.Name));

        // The rules in force (the page test may have saved some) plus ours, as a person editing the list would.
        var rules = current.GetProperty("rules").EnumerateArray()
            .Select(r => new { name = r.GetProperty("name").GetString(), protocol = r.GetProperty("protocol").GetString(), ports = r.GetProperty("ports").GetString() })
            .Append(new { name = (string?)"frobnicator", protocol = (string?)"tcp", ports = (string?)"7777" })
            .ToArray();
        using var previewResponse = await fixture.App.Http.PostAsJsonAsync("/api/v1/settings/applications/preview", new { rules }, Cancellation);
        var preview = await ReadAsync(previewResponse);
        var frobnicator = preview.GetProperty("applications").EnumerateArray().Single(a => a.GetProperty("label").GetString() == "frobnicator");
        Assert.Equal((0L, 3_000L), (frobnicator.GetProperty("bytesBefore").GetInt64(), frobnicator.GetProperty("bytesAfter").GetInt64()));
        // At least the 7777 flows change; earlier flows on ports of rules the page test saved may change too.
        Assert.InRange(preview.GetProperty("changedBytes").GetInt64(), 3_000, preview.GetProperty("totalBytes").GetInt64());

        using var stale = await fixture.App.Http.PutAsJsonAsync("/api/v1/settings/applications", new { version = version - 1, rules }, Cancellation);
        Assert.Equal(HttpStatusCode.Conflict, stale.StatusCode);
        Assert.Equal(version, (await ReadAsync(stale)).GetProperty("currentVersion").GetInt64());

        using var saved = await fixture.App.Http.PutAsJsonAsync("/api/v1/settings/applications", new { version, rules, comment = "our game server" }, Cancellation);
        Assert.Equal(HttpStatusCode.OK, saved.StatusCode);
        Assert.Equal(version + 1, (await ReadAsync(saved)).GetProperty("version").GetInt64());

        await fixture.SendFlowsToPortAsync(7777, 2);
        await fixture.WaitForFlowsAsync("dst port 7777", 5);
        Assert.Equal(2, await fixture.FlowsAsync("app frobnicator"));
        Assert.Equal(3, await fixture.FlowsAsync("dst port 7777 and not app frobnicator"));
        var history = await GetAsync("/api/v1/settings/applications/history");
        Assert.Equal([version + 1, version], history.GetProperty("versions").EnumerateArray().Select(v => v.GetProperty("version").GetInt64()).Take(2));
        Assert.Equal("our game server", history.GetProperty("versions")[0].GetProperty("comment").GetString());
    }

    [Fact]
    public async Task Networks_BadPrefixAndStaleVersion_AreRefusedWithWhatToDo()
    {
        var version = (await GetAsync("/api/v1/settings/networks")).GetProperty("version").GetInt64();

        using var invalid = await fixture.App.Http.PutAsJsonAsync("/api/v1/settings/networks", new
        {
            version, networks = new[] { new { name = "lab", prefix = "192.0.2.1/24" } },
        }, Cancellation);
        using var stale = await fixture.App.Http.PutAsJsonAsync("/api/v1/settings/networks", new
        {
            version = version + 5, networks = new[] { new { name = "lab", prefix = "192.0.2.0/24" } },
        }, Cancellation);

        Assert.Equal(HttpStatusCode.BadRequest, invalid.StatusCode);
        Assert.Equal(["networks[0].prefix"], (await ReadAsync(invalid)).GetProperty("errors").EnumerateObject().Select(e => e.Name));
        Assert.Equal(HttpStatusCode.Conflict, stale.StatusCode);
        Assert.Equal(version, (await ReadAsync(stale)).GetProperty("currentVersion").GetInt64());
    }

    [Fact]
    public async Task InterfaceRules_StaleVersion_Conflict()
    {
        var rules = new[] { new { name = "^ae", connectivity = "core", boundary = "internal" } };
        using var first = await fixture.App.Http.PutAsJsonAsync("/api/v1/interface-rules", new { rules }, Cancellation);
        var version = (await ReadAsync(first)).GetProperty("version").GetInt64();

        using var second = await fixture.App.Http.PutAsJsonAsync("/api/v1/interface-rules", new { rules, version }, Cancellation);
        using var stale = await fixture.App.Http.PutAsJsonAsync("/api/v1/interface-rules", new { rules, version }, Cancellation);

        Assert.Equal(HttpStatusCode.OK, second.StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, stale.StatusCode);
        Assert.Equal(version + 1, (await ReadAsync(stale)).GetProperty("currentVersion").GetInt64());
    }

    private async Task<JsonElement> GetAsync(string path) => await fixture.App.Http.GetFromJsonAsync<JsonElement>(path, Cancellation);

    private static async Task<JsonElement> ReadAsync(HttpResponseMessage response) =>
        JsonDocument.Parse(await response.Content.ReadAsStringAsync(Cancellation)).RootElement;
}
