namespace FlowViz.Storage.Policies;

/// <summary>The values of <c>flowviz_settings.flows_layout</c>, chosen once by 0001_flows.sql.</summary>
public static class FlowsLayout
{
    public const string Hypertable = "timescaledb_hypertable";
    public const string DailyPartitions = "native_daily_partitions";
}
