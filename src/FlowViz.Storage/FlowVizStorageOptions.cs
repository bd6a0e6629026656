namespace FlowViz.Storage;

/// <summary>Settings of the storage layer (configuration section "Storage" if the host binds one).</summary>
public sealed class FlowVizStorageOptions
{
    /// <summary>Daily partitions are kept ready this many days ahead of now (plain PostgreSQL only).</summary>
    public int PartitionDaysAhead { get; set; } = 3;

    /// <summary>How often the partition maintainer checks; a day boundary is never more than this away from a check.</summary>
    public TimeSpan PartitionCheckInterval { get; set; } = TimeSpan.FromHours(1);
}
