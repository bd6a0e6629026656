using FlowViz.Storage.Rollups;
using Prometheus;

namespace FlowViz.Web.Metrics;

/// <summary>
/// Publishes the rollup service's progress at <c>/metrics</c>: how far the 1-minute rollups trail the clock
/// (NaN before the first pass) and how many passes failed. Copied from <see cref="RollupProgress"/> at scrape time.
/// </summary>
internal sealed class RollupMetrics
{
    private readonly RollupProgress _progress;
    private readonly TimeProvider _time;
    private readonly Gauge _lag;
    private readonly Counter _failures;

    public RollupMetrics(RollupProgress progress, TimeProvider time, CollectorRegistry registry)
    {
        _progress = progress;
        _time = time;
        var metrics = Prometheus.Metrics.WithCustomRegistry(registry);
        _lag = metrics.CreateGauge("flowviz_rollup_lag_seconds",
            "How far the 1-minute rollups trail now (about the settle delay plus a minute when healthy); queries read raw flows past it.");
        _failures = metrics.CreateCounter("flowviz_rollup_failed_passes_total", "Rollup passes that failed (the next pass resumes from the watermark).");
        registry.AddBeforeCollectCallback(Update);
    }

    private void Update()
    {
        _lag.Set(_progress.Lag(_time.GetUtcNow())?.TotalSeconds ?? double.NaN);
        _failures.IncTo(_progress.FailedPasses);
    }
}
