namespace FlowViz.Storage;

/// <summary>Settings of the storage layer (configuration section "Storage" if the host binds one).</summary>
public sealed class FlowVizStorageOptions
{
    /// <summary>Daily partitions are kept ready this many days ahead of now (plain PostgreSQL only).</summary>
    public int PartitionDaysAhead { get; set; } = 3;

    /// <summary>How often the partition maintainer checks; a day boundary is never more than this away from a check.</summary>
    public TimeSpan PartitionCheckInterval { get; set; } = TimeSpan.FromHours(1);

    /// <summary>
    /// How long raw flows are kept (15 days, Akvorado's default for raw flows). TimescaleDB drops whole chunks
    /// older than this; on plain PostgreSQL the partition maintainer drops whole days older than this, so a day
    /// lives up to one day longer (and yesterday and today are always kept).
    /// </summary>
    public TimeSpan RawRetention { get; set; } = TimeSpan.FromDays(15);

    /// <summary>
    /// Age after which TimescaleDB compresses a chunk (2 days: recent data stays cheap to write and to query
    /// in detail). No effect on plain PostgreSQL.
    /// </summary>
    public TimeSpan CompressAfter { get; set; } = TimeSpan.FromDays(2);

    /// <summary>How long sFlow interface counter samples are kept (they draw interface utilisation).</summary>
    public TimeSpan CountersRetention { get; set; } = TimeSpan.FromDays(90);

    /// <summary>Throws when a retention setting cannot be applied; called before anything is changed.</summary>
    public void ValidatePolicies()
    {
        if (RawRetention <= TimeSpan.Zero)
        {
            throw new ArgumentOutOfRangeException(nameof(RawRetention), RawRetention, "RawRetention must be positive.");
        }
        if (CountersRetention <= TimeSpan.Zero)
        {
            throw new ArgumentOutOfRangeException(nameof(CountersRetention), CountersRetention, "CountersRetention must be positive.");
        }
        if (CompressAfter <= TimeSpan.Zero)
        {
            throw new ArgumentOutOfRangeException(nameof(CompressAfter), CompressAfter, "CompressAfter must be positive.");
        }
    }
}
