using System.Net;
using System.Text.Json;

namespace FlowViz.EndToEnd.Tests;

/// <summary>The v1 API's <c>filter</c> parameter over the known export stream, checked against nfdump's per-protocol numbers.</summary>
public sealed class FilterApiTests(AppWithKnownTraffic fixture)
{
    private static CancellationToken Cancellation => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Summary_FilterProtoUdp_EqualsNfdumpUdpNumbers()
    {
        var summary = await fixture.GetJsonAsync($"/api/v1/summary?filter=proto%20udp&{fixture.RangeQuery}");

        Assert.Equal(KnownTraffic.ByProtocol["17"], Totals(summary));
    }

    [Fact]
    public async Task Summary_BlankFilter_IsNoFilter()
    {
        var summary = await fixture.GetJsonAsync($"/api/v1/summary?filter=%20&{fixture.RangeQuery}");

        Assert.Equal((KnownTraffic.Flows, KnownTraffic.Packets, KnownTraffic.Bytes), Totals(summary));
    }

    [Fact]
    public async Task Summary_NotUdpOrTcp_EqualsTheIcmpProtocols()
    {
        var summary = await fixture.GetJsonAsync($"/api/v1/summary?filter={Uri.EscapeDataString("!(proto udp || proto tcp)")}&{fixture.RangeQuery}");

        var (icmp, icmp6) = (KnownTraffic.ByProtocol["1"], KnownTraffic.ByProtocol["58"]);
        Assert.Equal((icmp.Flows + icmp6.Flows, icmp.Packets + icmp6.Packets, icmp.Bytes + icmp6.Bytes), Totals(summary));
    }

    [Fact]
    public async Task Top_FilterNotUdp_RowsAndOtherHoldOnlyTheRest()
    {
        var top = await fixture.GetJsonAsync($"/api/v1/top?by=protocol&metric=flows&limit=1&filter=not%20proto%20udp&{fixture.RangeQuery}");

        var row = Assert.Single(top.GetProperty("rows").EnumerateArray());
        Assert.Equal("6", row.GetProperty("key").GetString());
        Assert.Equal(KnownTraffic.ByProtocol["1"].Flows + KnownTraffic.ByProtocol["58"].Flows, top.GetProperty("other").GetProperty("flows").GetInt64());
    }

    [Fact]
    public async Task Series_FilterProtoTcp_OnlyTcpAddingUpToItsBytes()
    {
        var series = await fixture.GetJsonAsync($"/api/v1/series?by=protocol&metric=bits&step=60&filter=proto%20tcp&{fixture.RangeQuery}");

        var only = Assert.Single(series.GetProperty("series").EnumerateArray());
        Assert.Equal("6", only.GetProperty("key").GetString());
        Assert.Equal(KnownTraffic.ByProtocol["6"].Bytes * 8, only.GetProperty("points").EnumerateArray().Sum(p => p[1].GetDouble() * 60), precision: 6);
    }

    [Theory]
    [InlineData("/api/v1/summary", "proto tcp and dst port https", 23, "expected a port number after 'dst port', found 'https' (at position 23)")]
    [InlineData("/api/v1/top?by=protocol", "host 1.2.3.4'; drop table flows; --", 5, "'1.2.3.4';' is not an IP address (such as 192.0.2.1 or 2001:db8::1) (at position 5)")]
    [InlineData("/api/v1/series?by=protocol", "(proto udp", 10, "expected 'and', 'or' or ')' to close the '(' at position 0, found end of filter (at position 10)")]
    public async Task Api_BadFilter_Returns400WithMessageAndPosition(string path, string filter, int position, string message)
    {
        var separator = path.Contains('?', StringComparison.Ordinal) ? '&' : '?';
        var problem = await ProblemAsync($"{path}{separator}filter={Uri.EscapeDataString(filter)}&{fixture.RangeQuery}");

        Assert.Equal([message], problem.GetProperty("errors").GetProperty("filter").EnumerateArray().Select(e => e.GetString()));
        Assert.Equal(position, problem.GetProperty("position").GetInt32());
        var summary = await fixture.GetJsonAsync($"/api/v1/summary?{fixture.RangeQuery}");
        Assert.Equal(KnownTraffic.Flows, summary.GetProperty("flows").GetInt64());
    }

    [Fact]
    public async Task Api_BadFilterAndBadLimit_ReportsBoth()
    {
        var problem = await ProblemAsync($"/api/v1/top?by=protocol&limit=0&filter=port%2099999&{fixture.RangeQuery}");

        var errors = problem.GetProperty("errors");
        Assert.True(errors.TryGetProperty("limit", out _));
        Assert.StartsWith("'99999' is out of range", errors.GetProperty("filter")[0].GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Summary_ConnectivityWithNoClassifiedInterfaces_MatchesNothingAndItsNegationAll()
    {
        // Interface classes are joined at query time; none are configured here, so no flow has a connectivity.
        var transit = await fixture.GetJsonAsync($"/api/v1/summary?filter=connectivity%20transit&{fixture.RangeQuery}");
        var notTransit = await fixture.GetJsonAsync($"/api/v1/summary?filter=not%20connectivity%20transit&{fixture.RangeQuery}");

        Assert.Equal((0L, 0L, 0L), Totals(transit));
        Assert.Equal((KnownTraffic.Flows, KnownTraffic.Packets, KnownTraffic.Bytes), Totals(notTransit));
    }

    private async Task<JsonElement> ProblemAsync(string pathAndQuery)
    {
        using var response = await fixture.App.Http.GetAsync(pathAndQuery, Cancellation);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        return JsonDocument.Parse(await response.Content.ReadAsStringAsync(Cancellation)).RootElement;
    }

    private static (long Flows, long Packets, long Bytes) Totals(JsonElement totals) =>
        (totals.GetProperty("flows").GetInt64(), totals.GetProperty("packets").GetInt64(), totals.GetProperty("bytes").GetInt64());
}
