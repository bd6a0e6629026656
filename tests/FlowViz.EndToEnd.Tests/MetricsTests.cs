namespace FlowViz.EndToEnd.Tests;

public sealed class MetricsTests(AppWithKnownTraffic fixture)
{
    [Fact]
    public async Task Metrics_AfterKnownExportStream_CountDatagramsAndFlowsPerExporter()
    {
        var text = await fixture.App.Http.GetStringAsync("/metrics", TestContext.Current.CancellationToken);
        var lines = text.Split('\n');

        Assert.Contains("flowviz_collector_datagrams_received_total 8", lines);
        Assert.Contains($"flowviz_collector_flows_written_total {KnownTraffic.Flows}", lines);
        Assert.Contains($"flowviz_exporter_flows_total{{exporter=\"127.0.0.1\"}} {KnownTraffic.Flows}", lines);
        Assert.Contains("flowviz_exporter_datagrams_total{exporter=\"127.0.0.1\",status=\"ok\"} 8", lines);
        Assert.Contains("flowviz_collector_datagrams_dropped_total{stage=\"decode_queue\",reason=\"full\"} 0", lines);
        Assert.Contains("flowviz_collector_spool_segments_unreadable_total 0", lines);
    }
}
