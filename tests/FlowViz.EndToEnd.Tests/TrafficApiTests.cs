using System.Net;
using System.Text.Json;

namespace FlowViz.EndToEnd.Tests;

public sealed class TrafficApiTests(AppWithKnownTraffic fixture)
{
    [Fact]
    public async Task Summary_AfterKnownExportStream_EqualsNfdumpTotals()
    {
        var summary = await fixture.GetJsonAsync($"/api/v1/summary?{fixture.RangeQuery}");

        Assert.Equal(KnownTraffic.Flows, summary.GetProperty("flows").GetInt64());
        Assert.Equal(KnownTraffic.Packets, summary.GetProperty("packets").GetInt64());
        Assert.Equal(KnownTraffic.Bytes, summary.GetProperty("bytes").GetInt64());
    }

    [Fact]
    public async Task TopByProtocol_AfterKnownExportStream_EqualsNfdumpPerProtocol()
    {
        var top = await fixture.GetJsonAsync($"/api/v1/top?by=protocol&metric=bytes&limit=10&{fixture.RangeQuery}");

        var rows = top.GetProperty("rows").EnumerateArray().ToList();
        Assert.Equal(["17", "6", "1", "58"], rows.Select(r => r.GetProperty("key").GetString()));
        Assert.Equal(["UDP", "TCP", "ICMP", "ICMPv6"], rows.Select(r => r.GetProperty("label").GetString()));
        foreach (var row in rows)
        {
            var expected = KnownTraffic.ByProtocol[row.GetProperty("key").GetString()!];
            Assert.Equal(expected, (row.GetProperty("flows").GetInt64(), row.GetProperty("packets").GetInt64(), row.GetProperty("bytes").GetInt64()));
        }
        Assert.Equal(0, top.GetProperty("other").GetProperty("flows").GetInt64());
    }

    [Fact]
    public async Task TopByProtocol_LimitTwo_PutsTheRestInOther()
    {
        var top = await fixture.GetJsonAsync($"/api/v1/top?by=protocol&metric=flows&limit=2&{fixture.RangeQuery}");

        Assert.Equal(2, top.GetProperty("rows").GetArrayLength());
        var other = top.GetProperty("other");
        Assert.Equal(KnownTraffic.ByProtocol["1"].Flows + KnownTraffic.ByProtocol["58"].Flows, other.GetProperty("flows").GetInt64());
        Assert.Equal(KnownTraffic.ByProtocol["1"].Bytes + KnownTraffic.ByProtocol["58"].Bytes, other.GetProperty("bytes").GetInt64());
    }

    [Fact]
    public async Task TopByExporter_AllFromOneSender_OneRowWithEverything()
    {
        var top = await fixture.GetJsonAsync($"/api/v1/top?by=exporter&{fixture.RangeQuery}");

        var row = Assert.Single(top.GetProperty("rows").EnumerateArray());
        Assert.Equal("127.0.0.1", row.GetProperty("key").GetString());
        Assert.Equal(KnownTraffic.Bytes, row.GetProperty("bytes").GetInt64());
    }

    [Fact]
    public async Task Series_BitsByProtocol_RatesTimesStepAddUpToTheBytes()
    {
        var series = await fixture.GetJsonAsync($"/api/v1/series?by=protocol&metric=bits&step=60&{fixture.RangeQuery}");

        Assert.Equal(60, series.GetProperty("step").GetInt32());
        var bitsPerProtocol = series.GetProperty("series").EnumerateArray().ToDictionary(
            s => s.GetProperty("key").GetString()!,
            s => s.GetProperty("points").EnumerateArray().Sum(p => p[1].GetDouble() * 60));
        foreach (var (protocol, expected) in KnownTraffic.ByProtocol)
        {
            Assert.Equal(expected.Bytes * 8, bitsPerProtocol[protocol], precision: 6);
        }
        Assert.All(series.GetProperty("series").EnumerateArray(), s => Assert.Equal(120, s.GetProperty("points").GetArrayLength()));
    }

    [Theory]
    [InlineData("/api/v1/summary?to=2026-11-23T00:00:00Z", "from")]
    [InlineData("/api/v1/summary?from=yesterday&to=2026-11-23T00:00:00Z", "from")]
    [InlineData("/api/v1/summary?from=2026-11-23T01:00:00Z&to=2026-11-23T00:00:00Z", "to")]
    [InlineData("/api/v1/top?by=colour&from=2026-11-23T00:00:00Z&to=2026-11-23T01:00:00Z", "by")]
    [InlineData("/api/v1/top?by=protocol&metric=bits&from=2026-11-23T00:00:00Z&to=2026-11-23T01:00:00Z", "metric")]
    [InlineData("/api/v1/top?by=protocol&limit=0&from=2026-11-23T00:00:00Z&to=2026-11-23T01:00:00Z", "limit")]
    [InlineData("/api/v1/series?by=protocol&step=1&from=2026-01-01T00:00:00Z&to=2026-11-23T00:00:00Z", "step")]
    public async Task Api_BadParameter_Returns400ProblemNamingIt(string pathAndQuery, string parameter)
    {
        using var response = await fixture.App.Http.GetAsync(pathAndQuery, TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken)).RootElement;
        var errors = problem.GetProperty("errors");
        Assert.True(errors.TryGetProperty(parameter, out var why), $"errors should name '{parameter}': {errors}");
        Assert.False(string.IsNullOrWhiteSpace(why[0].GetString()));
    }
}
