using System.Globalization;
using System.Text.Json;
using FlowViz.Core.Queries;
using Microsoft.Playwright;

namespace FlowViz.EndToEnd.Tests;

/// <summary>
/// The Applications page's mirrored chart in a real browser over traffic that goes both ways (<see cref="DirectionalTraffic"/>):
/// the applications received are drawn below the axis and those sent above, the depth below and height above are in
/// the proportion of the API's peak in and out rates, and the legend's figures and shares of in and of out are the API's.
/// </summary>
[Collection(DirectionalAppCollection.Name)]
public sealed class MirroredApplicationsPageTests(DirectionalApp fixture)
{
    // Per drawn area of the chart: its series name (as its legend entry shows it: the attribute on the area is escaped)
    // and where its box lies against the zero line (y grows downwards).
    private const string ChartGeometry = """
        element => {
            const zero = element.querySelector('.apexcharts-yaxis-annotations line').getBoundingClientRect().top;
            const legend = new Map([...element.querySelectorAll('.apexcharts-legend-series')]
                .map(l => [l.getAttribute('rel'), l.querySelector('.apexcharts-legend-text').textContent]));
            const layers = [...element.querySelectorAll('.apexcharts-area-series .apexcharts-series')].map(g => {
                const box = g.querySelector('path.apexcharts-area').getBoundingClientRect();
                return { name: legend.get(g.getAttribute('rel')) ?? g.getAttribute('seriesName'), top: box.top, bottom: box.bottom };
            });
            return { zero, layers };
        }
        """;

    [Fact]
    public async Task Applications_InAndOut_InDrawnBelowTheAxisOutAbove_InTheApisProportion()
    {
        await using var browser = await Browser.LaunchAsync();
        var (page, errors) = await browser.NewPageAsync();

        await page.GotoAsync(fixture.Url($"/applications?{fixture.RangeQuery}"));
        await Browser.WaitForInteractiveAsync(page);

        var chart = page.GetByTestId("applications-chart").GetByTestId("traffic-chart");
        var geometry = Geometry.Of(await chart.EvaluateAsync<JsonElement>(ChartGeometry));
        var below = geometry.Layers.Where(l => l.Top >= geometry.Zero - 1).ToList();
        var above = geometry.Layers.Where(l => l.Bottom <= geometry.Zero + 1).ToList();
        Assert.Equal(geometry.Layers.Count, below.Count + above.Count); // none crosses the axis
        Assert.Equal(Applications(inbound: true), below.Select(l => l.Name).Order(StringComparer.Ordinal));
        Assert.Equal(Applications(inbound: false), above.Select(l => l.Name).Order(StringComparer.Ordinal));

        var (peakOut, peakIn) = await PeakRatesAsync();
        var height = geometry.Zero - above.Min(l => l.Top);
        var depth = below.Max(l => l.Bottom) - geometry.Zero;
        Assert.InRange(depth / height, peakIn / peakOut * 0.97, peakIn / peakOut * 1.03);
        Assert.True(depth > 2 * height, $"in ({depth:0} px) should reach well past out ({height:0} px): {DirectionalTraffic.InBytes} B against {DirectionalTraffic.OutBytes} B");

        await Accessibility.AssertNoSeriousViolationsAsync(page);
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Artifacts.Screenshot("applications-mirrored.png"), FullPage = true });
        Assert.Empty(errors);
    }

    [Fact]
    public async Task Applications_Legend_InAndOutAndTheirSharesEqualTheTopApiPerDirection()
    {
        await using var browser = await Browser.LaunchAsync();
        var (page, errors) = await browser.NewPageAsync();

        await page.GotoAsync(fixture.Url($"/applications?{fixture.RangeQuery}"));
        await Browser.WaitForInteractiveAsync(page);

        // Per application: bytes out, share of out, bytes in, share of in (the cells' exact values and shown shares).
        var shown = await page.GetByTestId("direction-table").Locator("tbody tr").EvaluateAllAsync<string[][]>(
            "rows => rows.map(r => [r.dataset.key, r.children[1].dataset.value, r.children[2].textContent.trim(), r.children[3].dataset.value, r.children[4].textContent.trim()])");
        var outbound = await TopAsync("out");
        var inbound = await TopAsync("in");
        Assert.Equal(DirectionalTraffic.OutBytes, outbound.Total);
        Assert.Equal(DirectionalTraffic.InBytes, inbound.Total);
        var expected = outbound.Bytes.Keys.Union(inbound.Bytes.Keys).Order(StringComparer.Ordinal).Select(key => new[]
        {
            key,
            Text(outbound.Bytes.GetValueOrDefault(key)), Share(outbound.Bytes.GetValueOrDefault(key), outbound.Total),
            Text(inbound.Bytes.GetValueOrDefault(key)), Share(inbound.Bytes.GetValueOrDefault(key), inbound.Total),
        }).ToArray();
        Assert.Equal(expected, shown.OrderBy(row => row[0], StringComparer.Ordinal));
        Assert.Equal(["https", "71.4%", "90.0%"], [expected[1][0], expected[1][2], expected[1][4]]); // 6,000 of 8,400 out; 18,000 of 20,000 in

        var total = page.GetByTestId("direction-total").Locator("td");
        Assert.Equal(Text(DirectionalTraffic.OutBytes), await total.Nth(0).GetAttributeAsync("data-value"));
        Assert.Equal(Text(DirectionalTraffic.InBytes), await total.Nth(2).GetAttributeAsync("data-value"));
        Assert.Empty(errors);
    }

    /// <summary>The series of the applications with traffic in (or out), named as the chart names them ("https in").</summary>
    private static string[] Applications(bool inbound) => DirectionalTraffic.Batches.Where(b => b.Inbound == inbound)
        .Select(b => $"{b.Application} {(inbound ? "in" : "out")}").Distinct().Order(StringComparer.Ordinal).ToArray();

    /// <summary>The largest per-bucket sum of the out series and of the in series, at the page's step.</summary>
    private async Task<(double Out, double In)> PeakRatesAsync()
    {
        var step = SeriesStep.For(new TimeRange(fixture.From, fixture.To));
        var api = await fixture.GetJsonAsync($"/api/v1/series?by=application&split=direction&metric=bits&limit={Web.Components.Pages.Applications.TopLimit}&step={step}&{fixture.RangeQuery}");
        double Peak(string direction) => api.GetProperty("series").EnumerateArray()
            .Where(s => s.GetProperty("direction").GetString() == direction)
            .SelectMany(s => s.GetProperty("points").EnumerateArray().Select(p => (Time: p[0].GetInt64(), Rate: Math.Abs(p[1].GetDouble()))))
            .GroupBy(p => p.Time, p => p.Rate)
            .Max(bucket => bucket.Sum());
        return (Peak("out"), Peak("in"));
    }

    private async Task<(Dictionary<string, long> Bytes, long Total)> TopAsync(string direction)
    {
        var filter = Uri.EscapeDataString("direction " + direction);
        var top = await fixture.GetJsonAsync($"/api/v1/top?by=application&metric=bytes&limit=10&filter={filter}&{fixture.RangeQuery}");
        var bytes = top.GetProperty("rows").EnumerateArray().ToDictionary(r => r.GetProperty("key").GetString()!, r => r.GetProperty("bytes").GetInt64());
        return (bytes, bytes.Values.Sum() + top.GetProperty("other").GetProperty("bytes").GetInt64());
    }

    private static string Text(long value) => value.ToString(CultureInfo.InvariantCulture);

    private static string Share(long part, long whole) => (100.0 * part / whole).ToString("0.0", CultureInfo.InvariantCulture) + "%";

    private sealed record Geometry(double Zero, List<Layer> Layers)
    {
        public static Geometry Of(JsonElement json) => new(json.GetProperty("zero").GetDouble(), json.GetProperty("layers").EnumerateArray()
            .Select(l => new Layer(l.GetProperty("name").GetString()!, l.GetProperty("top").GetDouble(), l.GetProperty("bottom").GetDouble()))
            .ToList());
    }

    private sealed record Layer(string Name, double Top, double Bottom);
}
