using System.Net;
using System.Text.Json;

namespace FlowViz.EndToEnd.Tests;

/// <summary>The AS analysis calls and the direction split over the known export stream (softflowd sends AS 0 and no directions).</summary>
public sealed class AsAnalysisApiTests(AppWithKnownTraffic fixture)
{
    private static CancellationToken Cancellation => TestContext.Current.CancellationToken;

    [Fact]
    public async Task TrafficByAs_BySrcAs_RowsAndOtherAddUpToNfdumpTotals()
    {
        var answer = await fixture.GetJsonAsync($"/api/v1/as/traffic?by=src_as&limit=3&{fixture.RangeQuery}");

        var top = answer.GetProperty("top");
        var bytes = top.GetProperty("rows").EnumerateArray().Sum(r => r.GetProperty("bytes").GetInt64()) + top.GetProperty("other").GetProperty("bytes").GetInt64();
        Assert.Equal(KnownTraffic.Bytes, bytes);
        Assert.Equal("AS0", top.GetProperty("rows")[0].GetProperty("label").GetString());
    }

    [Fact]
    public async Task TrafficByAs_ViaTransitWithoutClassifiedInterfaces_IsEmpty()
    {
        var answer = await fixture.GetJsonAsync($"/api/v1/as/traffic?via=transit&{fixture.RangeQuery}");

        Assert.Equal("transit", answer.GetProperty("via").GetString());
        Assert.Equal(0, answer.GetProperty("top").GetProperty("rows").GetArrayLength());
    }

    [Fact]
    public async Task InterfacesOfAs_AsZero_InboundInterfacesCarryAllBytes()
    {
        var answer = await fixture.GetJsonAsync($"/api/v1/as/0/interfaces?limit=1000&{fixture.RangeQuery}");

        var rows = answer.GetProperty("inbound").GetProperty("rows").EnumerateArray().ToList();
        Assert.NotEmpty(rows);
        Assert.Equal(KnownTraffic.Bytes, rows.Sum(r => r.GetProperty("bytes").GetInt64()));
        Assert.All(rows, r => Assert.Equal("127.0.0.1", r.GetProperty("exporter").GetString()));
    }

    [Fact]
    public async Task PrefixesOfAs_AsZero_InAndOutEachAddUpToNfdumpTotals()
    {
        var answer = await fixture.GetJsonAsync($"/api/v1/as/0/prefixes?limit=1000&{fixture.RangeQuery}");

        // softflowd sends AS 0 on both sides, so every flow is in (source AS 0) and out (destination AS 0).
        var rows = answer.GetProperty("rows").EnumerateArray().ToList();
        Assert.NotEmpty(rows);
        long Side(string side) => rows.Sum(r => r.GetProperty(side).ValueKind == JsonValueKind.Null ? 0 : r.GetProperty(side).GetProperty("bytes").GetInt64())
            + answer.GetProperty("other" + char.ToUpperInvariant(side[0]) + side[1..]).GetProperty("bytes").GetInt64();
        Assert.Equal(KnownTraffic.Bytes, Side("in"));
        Assert.Equal(KnownTraffic.Bytes, Side("out"));
        Assert.Equal(1.0, rows.Sum(r => r.GetProperty("share").GetDouble()), precision: 9); // fewer than 1,000 prefixes: all listed
        Assert.Equal(JsonValueKind.Null, answer.GetProperty("completeFrom").ValueKind);
    }

    [Fact]
    public async Task Top_BySrcPrefix_RowsAndOtherAddUpToNfdumpTotals()
    {
        var answer = await fixture.GetJsonAsync($"/api/v1/top?by=src_prefix&limit=3&{fixture.RangeQuery}");

        var bytes = answer.GetProperty("rows").EnumerateArray().Sum(r => r.GetProperty("bytes").GetInt64()) + answer.GetProperty("other").GetProperty("bytes").GetInt64();
        Assert.Equal(KnownTraffic.Bytes, bytes);
    }

    [Fact]
    public async Task Series_SplitByDirection_UndecidedTrafficInOtherWithStatistics()
    {
        var answer = await fixture.GetJsonAsync($"/api/v1/series?by=protocol&metric=bits&step=60&split=direction&{fixture.RangeQuery}");

        var series = answer.GetProperty("series").EnumerateArray().ToList();
        Assert.All(series, s => Assert.Contains(s.GetProperty("direction").GetString(), new[] { "out", "in", "other" }));
        var total = series.Sum(s => s.GetProperty("statistics").GetProperty("total").GetDouble());
        Assert.Equal(KnownTraffic.Bytes * 8, total, precision: 6);
        Assert.Equal(0, series.Where(s => s.GetProperty("direction").GetString() != "other").Sum(s => s.GetProperty("statistics").GetProperty("max").GetDouble()));
    }

    [Theory]
    [InlineData("/api/v1/as/traffic?via=satellite", "via")]
    [InlineData("/api/v1/as/traffic?by=protocol", "by")]
    [InlineData("/api/v1/as/abc/interfaces", "asn")]
    [InlineData("/api/v1/as/4294967296/interfaces", "asn")]
    [InlineData("/api/v1/as/abc/prefixes", "asn")]
    [InlineData("/api/v1/interfaces/not-an-ip/3/as", "exporter")]
    [InlineData("/api/v1/interfaces/127.0.0.1/x/as", "ifIndex")]
    [InlineData("/api/v1/series?by=protocol&split=sideways", "split")]
    public async Task BadParameter_ProblemNamesIt(string path, string parameter)
    {
        var separator = path.Contains('?', StringComparison.Ordinal) ? "&" : "?";
        var response = await fixture.App.Http.GetAsync($"{path}{separator}{fixture.RangeQuery}", Cancellation);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var errors = JsonDocument.Parse(await response.Content.ReadAsStringAsync(Cancellation)).RootElement.GetProperty("errors");
        Assert.True(errors.TryGetProperty(parameter, out _), $"errors should name '{parameter}': {errors}");
    }
}
