using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using FlowViz.Core.Interfaces;
using FlowViz.Storage.Interfaces;
using Microsoft.Extensions.DependencyInjection;

namespace FlowViz.EndToEnd.Tests;

/// <summary>The interfaces and interface-rules API on the running app. One test, since saving rules changes the shared app.</summary>
public sealed class InterfacesApiTests(AppWithKnownTraffic fixture)
{
    private static CancellationToken Cancellation => TestContext.Current.CancellationToken;

    [Fact]
    public async Task InterfaceRules_ValidateSavePreviewAndClassify()
    {
        // As if the exporter had sent ifName/ifDescr in options data (softflowd sends none).
        await fixture.App.Services.GetRequiredService<InterfaceSources>().RecordObservedAsync(
        [
            new(IPAddress.Parse("127.0.0.1"), 11, "et-0/0/11", "Transit: NTT", null),
            new(IPAddress.Parse("127.0.0.1"), 12, "ae12", "to core", null),
        ], Cancellation);

        using var invalid = await fixture.App.Http.PutAsJsonAsync("/api/v1/interface-rules", new
        {
            rules = new object[] { new { description = "^Transit: (\\w+)", provider = "$1", boundary = "edge" }, new { name = "(ae", connectivity = "core" } },
        }, Cancellation);
        Assert.Equal(HttpStatusCode.BadRequest, invalid.StatusCode);
        var errors = JsonDocument.Parse(await invalid.Content.ReadAsStringAsync(Cancellation)).RootElement.GetProperty("errors");
        Assert.Equal(["rules[0].boundary", "rules[1].name"], errors.EnumerateObject().Select(e => e.Name));

        var rules = new object[]
        {
            new { description = "^Transit: (\\w+)", connectivity = "transit", provider = "$1", boundary = "external" },
            new { exporter = "127.0.0.0/8", name = "^ae", connectivity = "core", boundary = "internal" },
        };
        var preview = await PostJsonAsync("/api/v1/interface-rules/preview", new { rules });
        var previewed = preview.GetProperty("interfaces").EnumerateArray().ToDictionary(i => i.GetProperty("ifIndex").GetInt64());
        Assert.Equal("ntt", previewed[11].GetProperty("candidate").GetProperty("provider").GetString());
        Assert.Equal(JsonValueKind.Null, previewed[11].GetProperty("current").ValueKind);
        Assert.Equal(1, previewed[12].GetProperty("rule").GetInt32());

        using var saved = await fixture.App.Http.PutAsJsonAsync("/api/v1/interface-rules", new { rules, comment = "edge and core" }, Cancellation);
        Assert.Equal(HttpStatusCode.OK, saved.StatusCode);
        var version = JsonDocument.Parse(await saved.Content.ReadAsStringAsync(Cancellation)).RootElement.GetProperty("version").GetInt64();

        var current = await fixture.GetJsonAsync("/api/v1/interface-rules");
        Assert.Equal((version, "api", "edge and core", 2), (current.GetProperty("version").GetInt64(), current.GetProperty("source").GetString(),
            current.GetProperty("comment").GetString(), current.GetProperty("rules").GetArrayLength()));
        var interfaces = (await fixture.GetJsonAsync("/api/v1/interfaces")).GetProperty("interfaces").EnumerateArray()
            .ToDictionary(i => i.GetProperty("ifIndex").GetInt64());
        Assert.Equal(("transit", "ntt", "external", "Transit: NTT"), (interfaces[11].GetProperty("connectivity").GetString(),
            interfaces[11].GetProperty("provider").GetString(), interfaces[11].GetProperty("boundary").GetString(), interfaces[11].GetProperty("description").GetString()));
        Assert.Equal("core", interfaces[12].GetProperty("connectivity").GetString());
        var history = await fixture.GetJsonAsync("/api/v1/interface-rules/history");
        Assert.Equal(version, history.GetProperty("versions")[0].GetProperty("version").GetInt64());
        var unclassified = await fixture.GetJsonAsync($"/api/v1/interfaces/unclassified?{fixture.RangeQuery}");
        // softflowd reports interface 0 (none) on every flow, so no interface carried traffic unclassified.
        Assert.Equal(0, unclassified.GetProperty("interfaces").GetArrayLength());
    }

    private async Task<JsonElement> PostJsonAsync(string path, object body)
    {
        using var response = await fixture.App.Http.PostAsJsonAsync(path, body, Cancellation);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return JsonDocument.Parse(await response.Content.ReadAsStringAsync(Cancellation)).RootElement;
    }
}
