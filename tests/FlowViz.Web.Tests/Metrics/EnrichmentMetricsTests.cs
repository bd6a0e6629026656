using FlowViz.Enrichment;
using FlowViz.Enrichment.GeoIP;
using FlowViz.Web.Metrics;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using Prometheus;

namespace FlowViz.Web.Tests.Metrics;

public sealed class EnrichmentMetricsTests : IDisposable
{
    private readonly DirectoryInfo _directory = Directory.CreateTempSubdirectory("flowviz-geoip-metrics-");

    [Fact]
    public async Task Scrape_UnreadableCountryFileAndNoAsnDatabase_PublishesStateAndFailures()
    {
        var country = Path.Combine(_directory.FullName, "country.mmdb");
        await File.WriteAllBytesAsync(country, new byte[4096], Xunit.TestContext.Current.CancellationToken); // not a MaxMind DB
        using var databases = new GeoIPDatabases(new GeoIPOptions { CountryDatabase = country }, NullLogger<GeoIPDatabases>.Instance);
        var registry = Prometheus.Metrics.NewCustomRegistry();
        _ = new EnrichmentMetrics(databases, new FakeTimeProvider(), registry);

        var text = await ScrapeAsync(registry);

        Assert.Contains("flowviz_geoip_database_loaded{database=\"country\"} 0", text, StringComparison.Ordinal);
        Assert.Contains("flowviz_geoip_database_loaded{database=\"asn\"} 0", text, StringComparison.Ordinal);
        Assert.Contains("flowviz_geoip_load_failures_total{database=\"country\"} 1", text, StringComparison.Ordinal);
        Assert.Contains("flowviz_geoip_load_failures_total{database=\"asn\"} 0", text, StringComparison.Ordinal);
        Assert.Contains("flowviz_geoip_loads_total{database=\"country\"} 0", text, StringComparison.Ordinal);
        Assert.Contains("flowviz_geoip_lookup_errors_total{database=\"country\"} 0", text, StringComparison.Ordinal);
        Assert.Contains("flowviz_geoip_database_age_seconds{database=\"country\"} NaN", text, StringComparison.Ordinal);
    }

    private static async Task<string> ScrapeAsync(CollectorRegistry registry)
    {
        using var stream = new MemoryStream();
        await registry.CollectAndExportAsTextAsync(stream, Xunit.TestContext.Current.CancellationToken);
        return System.Text.Encoding.UTF8.GetString(stream.ToArray());
    }

    public void Dispose() => _directory.Delete(recursive: true);
}
