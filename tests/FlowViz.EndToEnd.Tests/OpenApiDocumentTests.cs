namespace FlowViz.EndToEnd.Tests;

public sealed class OpenApiDocumentTests(AppWithKnownTraffic fixture)
{
    [Fact]
    public async Task OpenApiDocument_DescribesEveryV1EndpointAndItsParameters()
    {
        var document = await fixture.GetJsonAsync("/openapi/v1.json");

        var paths = document.GetProperty("paths");
        string[] expected =
        [
            "/api/v1/summary", "/api/v1/top", "/api/v1/series", "/api/v1/exporters", "/api/v1/flows",
            "/api/v1/interfaces", "/api/v1/interfaces/unclassified", "/api/v1/interface-rules", "/api/v1/interface-rules/history",
            "/api/v1/interface-rules/preview",
        ];
        Assert.All(expected, path => Assert.True(paths.TryGetProperty(path, out _), $"{path} is missing"));
        Assert.True(paths.GetProperty("/api/v1/interface-rules").TryGetProperty("put", out _));
        Assert.True(paths.GetProperty("/api/v1/interface-rules/preview").TryGetProperty("post", out _));
        var flows = paths.GetProperty("/api/v1/flows").GetProperty("get");
        Assert.False(string.IsNullOrEmpty(flows.GetProperty("summary").GetString()));
        var parameters = flows.GetProperty("parameters").EnumerateArray().ToDictionary(p => p.GetProperty("name").GetString()!);
        Assert.Equal(["from", "to", "filter", "sort", "order", "limit", "pageToken", "format"], parameters.Keys);
        Assert.True(parameters["from"].GetProperty("required").GetBoolean());
        Assert.All(parameters.Values, p => Assert.False(string.IsNullOrEmpty(p.GetProperty("description").GetString())));
        var top = paths.GetProperty("/api/v1/top").GetProperty("get");
        Assert.Contains("by", top.GetProperty("parameters").EnumerateArray().Select(p => p.GetProperty("name").GetString()));
        Assert.False(string.IsNullOrEmpty(top.GetProperty("summary").GetString()));
    }
}
