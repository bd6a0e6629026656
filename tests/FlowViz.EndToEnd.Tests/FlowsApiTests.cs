using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Json;
using FlowViz.Core.Flows;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace FlowViz.EndToEnd.Tests;

/// <summary><c>GET /api/v1/flows</c> over the known export stream: paging, CSV and errors, checked against the database and nfdump's totals.</summary>
public sealed class FlowsApiTests(AppWithKnownTraffic fixture)
{
    private static CancellationToken Cancellation => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Flows_AllPagesOfSeventeen_EveryRowOnceAndEqualToTheDatabase()
    {
        var rows = new List<JsonElement>();
        var pages = 0;
        string? token = null;
        do
        {
            var page = await fixture.GetJsonAsync($"/api/v1/flows?limit=17&{fixture.RangeQuery}{(token is null ? "" : $"&pageToken={token}")}");
            var flows = page.GetProperty("flows").EnumerateArray().ToList();
            rows.AddRange(flows);
            token = page.GetProperty("nextPageToken").GetString();
            Assert.True(token is null || flows.Count == 17);
            Assert.True(++pages <= 9, "paging does not end");
        }
        while (token is not null);

        Assert.Equal(KnownTraffic.Flows, rows.Count);
        Assert.Equal(KnownTraffic.Packets, rows.Sum(r => r.GetProperty("packets").GetInt64() * r.GetProperty("sampling_rate").GetInt64()));
        Assert.Equal(KnownTraffic.Bytes, rows.Sum(r => r.GetProperty("bytes").GetInt64() * r.GetProperty("sampling_rate").GetInt64()));
        Assert.Equal(await DatabaseRowsAsync(), rows.Select(Key).Order(StringComparer.Ordinal));
        var received = rows.Select(r => r.GetProperty("time_received").GetDateTime()).ToList();
        Assert.Equal(received.OrderDescending(), received);
        Assert.Equal(FlowColumns.All.Select(c => c.Name), rows[0].EnumerateObject().Select(p => p.Name));
    }

    [Fact]
    public async Task Flows_Csv_Rfc4180WithEveryRowAndNfdumpTotals()
    {
        using var response = await fixture.App.Http.GetAsync($"/api/v1/flows?format=csv&{fixture.RangeQuery}", Cancellation);
        var text = await response.Content.ReadAsStringAsync(Cancellation);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/csv", response.Content.Headers.ContentType?.MediaType);
        Assert.EndsWith("\r\n", text, StringComparison.Ordinal);
        var lines = text[..^2].Split("\r\n");
        Assert.Equal(string.Join(',', FlowColumns.All.Select(c => c.Name)), lines[0]);
        // No value of this stream needs quoting (numbers, addresses, times), so a plain split reads every field.
        var records = lines[1..].Select(line => line.Split(',')).ToList();
        Assert.All(records, fields => Assert.Equal(FlowColumns.All.Count, fields.Length));
        long Column(string[] fields, string name) => long.Parse(fields[Index(name)], CultureInfo.InvariantCulture);
        Assert.Equal(KnownTraffic.Flows, records.Count);
        Assert.Equal(KnownTraffic.Packets, records.Sum(f => Column(f, "packets") * Column(f, "sampling_rate")));
        Assert.Equal(KnownTraffic.Bytes, records.Sum(f => Column(f, "bytes") * Column(f, "sampling_rate")));
        Assert.Equal(KnownTraffic.ByProtocol["6"].Flows, records.Count(f => Column(f, "protocol") == 6));
    }

    [Fact]
    public async Task Flows_CsvWithFilterAndLimit_OnlyThoseRows()
    {
        var text = await fixture.App.Http.GetStringAsync($"/api/v1/flows?format=csv&filter=proto%20icmp&limit=3&sort=bytes&order=asc&{fixture.RangeQuery}", Cancellation);

        var records = text[..^2].Split("\r\n")[1..].Select(line => line.Split(',')).ToList();
        Assert.Equal(3, records.Count);
        Assert.All(records, f => Assert.Equal("1", f[Index("protocol")]));
        var bytes = records.Select(f => long.Parse(f[Index("bytes")], CultureInfo.InvariantCulture)).ToList();
        Assert.Equal(bytes.Order(), bytes);
    }

    [Theory]
    [InlineData("filter=proto%20tcp%20and%20dst%20port%20https", "filter", "expected a port number after 'dst port', found 'https' (at position 23)")]
    [InlineData("sort=src_addr", "sort", "'src_addr' cannot be sorted by; use one of: ")]
    [InlineData("limit=10001", "limit", "'10001' must be a whole number from 1 to 10000.")]
    [InlineData("pageToken=AAAA", "pageToken", "is not a page token of this API")]
    [InlineData("format=xml", "format", "'xml' is not a format; use json or csv.")]
    public async Task Flows_BadParameter_Returns400NamingIt(string parameter, string name, string message)
    {
        using var response = await fixture.App.Http.GetAsync($"/api/v1/flows?{parameter}&{fixture.RangeQuery}", Cancellation);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync(Cancellation)).RootElement;
        Assert.StartsWith(message, problem.GetProperty("errors").GetProperty(name)[0].GetString(), StringComparison.Ordinal);
        if (name == "filter")
        {
            Assert.Equal(23, problem.GetProperty("position").GetInt32());
        }
    }

    [Fact]
    public async Task Flows_PageTokenWithAnotherFilter_Returns400()
    {
        var first = await fixture.GetJsonAsync($"/api/v1/flows?limit=5&{fixture.RangeQuery}");
        var token = first.GetProperty("nextPageToken").GetString();

        using var response = await fixture.App.Http.GetAsync($"/api/v1/flows?limit=5&filter=proto%20udp&pageToken={token}&{fixture.RangeQuery}", Cancellation);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("belongs to a different query", await response.Content.ReadAsStringAsync(Cancellation), StringComparison.Ordinal);
    }

    private static int Index(string column) => FlowColumns.All.Select(c => c.Name).ToList().IndexOf(column);

    // A row's identity for comparison: times, addresses, ports, protocol, counters.
    private static string Key(JsonElement row) => string.Join('|',
        row.GetProperty("time_received").GetDateTime().ToUniversalTime().Ticks, row.GetProperty("src_addr").GetString(), row.GetProperty("dst_addr").GetString(),
        row.GetProperty("src_port").GetInt32(), row.GetProperty("dst_port").GetInt32(), row.GetProperty("protocol").GetInt32(),
        row.GetProperty("bytes").GetInt64(), row.GetProperty("packets").GetInt64(), row.GetProperty("flow_protocol").GetInt32());

    private async Task<List<string>> DatabaseRowsAsync()
    {
        var dataSource = fixture.App.Services.GetRequiredService<NpgsqlDataSource>();
        await using var command = dataSource.CreateCommand(
            "SELECT time_received, host(src_addr), host(dst_addr), src_port, dst_port, protocol, bytes, packets, flow_protocol FROM flows " +
            "WHERE time_received >= $1 AND time_received < $2");
        command.Parameters.Add(new() { Value = fixture.From.UtcDateTime });
        command.Parameters.Add(new() { Value = fixture.To.UtcDateTime });
        await using var reader = await command.ExecuteReaderAsync(Cancellation);
        var rows = new List<string>();
        while (await reader.ReadAsync(Cancellation))
        {
            rows.Add(string.Join('|', reader.GetDateTime(0).Ticks, reader.GetString(1), reader.GetString(2), reader.GetInt32(3), reader.GetInt32(4),
                reader.GetInt16(5), reader.GetInt64(6), reader.GetInt64(7), reader.GetInt16(8)));
        }
        return [.. rows.Order(StringComparer.Ordinal)];
    }
}
