using FlowViz.Enrichment.GeoIP;
using Prometheus;

namespace FlowViz.Web.Metrics;

/// <summary>
/// Publishes the GeoIP databases' state at <c>/metrics</c>: whether each is loaded, how old its data is (a stale
/// GeoLite2 file misplaces networks that changed hands), loads and failed loads since start, and lookups that failed
/// in a damaged file. Copied from <see cref="GeoIPDatabases.Status"/> at scrape time; nothing on the flow path.
/// </summary>
internal sealed class EnrichmentMetrics
{
    private readonly GeoIPDatabases _databases;
    private readonly TimeProvider _time;
    private readonly Gauge _loaded;
    private readonly Gauge _age;
    private readonly Counter _loads;
    private readonly Counter _loadFailures;
    private readonly Counter _lookupErrors;

    public EnrichmentMetrics(GeoIPDatabases databases, TimeProvider time, CollectorRegistry registry)
    {
        _databases = databases;
        _time = time;
        var metrics = Prometheus.Metrics.WithCustomRegistry(registry);
        _loaded = metrics.CreateGauge("flowviz_geoip_database_loaded", "1 while the GeoIP database (country, asn) is loaded, else 0.", "database");
        _age = metrics.CreateGauge("flowviz_geoip_database_age_seconds",
            "Seconds since the loaded GeoIP database file was built (its metadata's build date); NaN when none is loaded.", "database");
        _loads = metrics.CreateCounter("flowviz_geoip_loads_total", "GeoIP database files loaded since start (the first load and every reload).", "database");
        _loadFailures = metrics.CreateCounter("flowviz_geoip_load_failures_total",
            "GeoIP database files that appeared or changed but could not be read (the loaded copy stays in use).", "database");
        _lookupErrors = metrics.CreateCounter("flowviz_geoip_lookup_errors_total",
            "GeoIP lookups that failed in a damaged file; each answered unknown.", "database");
        registry.AddBeforeCollectCallback(Update);
    }

    private void Update()
    {
        var now = _time.GetUtcNow().UtcDateTime;
        foreach (var status in _databases.Status())
        {
            _loaded.WithLabels(status.Database).Set(status.IsLoaded ? 1 : 0);
            _age.WithLabels(status.Database).Set(status.BuildDate is { } built ? (now - built).TotalSeconds : double.NaN);
            _loads.WithLabels(status.Database).IncTo(status.Loads);
            _loadFailures.WithLabels(status.Database).IncTo(status.LoadFailures);
            _lookupErrors.WithLabels(status.Database).IncTo(status.LookupErrors);
        }
    }
}
