namespace FlowViz.EndToEnd.Tests;

public sealed class ExportersApiTests(AppWithKnownTraffic fixture)
{
    [Fact]
    public async Task Exporters_AfterKnownExportStream_ReportWhatTheExporterSent()
    {
        var answer = await fixture.GetJsonAsync("/api/v1/exporters");

        var exporter = Assert.Single(answer.GetProperty("exporters").EnumerateArray());
        Assert.Equal("127.0.0.1", exporter.GetProperty("address").GetString());
        Assert.Equal(8, exporter.GetProperty("datagrams").GetInt64());
        Assert.Equal(KnownTraffic.Flows, exporter.GetProperty("flows").GetInt64());
        Assert.Equal(KnownTraffic.Packets, exporter.GetProperty("packets").GetInt64());
        Assert.Equal(KnownTraffic.Bytes, exporter.GetProperty("bytes").GetInt64());
        Assert.Equal(0, exporter.GetProperty("dataSetsWithoutTemplate").GetInt64());
        // softflowd's v9 export: IPv4, IPv6, ICMP and ICMPv6 templates plus one options template.
        Assert.Equal(5, exporter.GetProperty("templatesKnown").GetInt32());
        Assert.All(exporter.GetProperty("malformed").EnumerateObject(), reason => Assert.Equal(0, reason.Value.GetInt64()));
        var rate = Assert.Single(exporter.GetProperty("samplingRates").EnumerateArray());
        Assert.Equal((1, KnownTraffic.Flows), (rate.GetProperty("rate").GetInt32(), rate.GetProperty("flows").GetInt64()));
        Assert.All(exporter.GetProperty("sequences").EnumerateArray(), s => Assert.Equal(0, s.GetProperty("lost").GetInt64()));
        // The stream was sent after the fixture was made (From is that minute less an hour), and not in the future.
        var lastSeen = new DateTimeOffset(exporter.GetProperty("lastSeen").GetDateTime().ToUniversalTime());
        Assert.InRange(lastSeen, fixture.From.AddHours(1), DateTimeOffset.UtcNow);
    }
}
