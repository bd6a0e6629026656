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

    /// <summary>How long the 1-minute rollups are kept (7 days, as Akvorado keeps its 1-minute tables).</summary>
    public TimeSpan RollupMinuteRetention { get; set; } = TimeSpan.FromDays(7);

    /// <summary>How long the 5-minute rollups are kept (90 days).</summary>
    public TimeSpan RollupFiveMinuteRetention { get; set; } = TimeSpan.FromDays(90);

    /// <summary>How long the 1-hour rollups are kept (2 years).</summary>
    public TimeSpan RollupHourRetention { get; set; } = TimeSpan.FromDays(730);

    /// <summary>How long the 1-day rollups are kept (2 years, as the hours: they serve long ranges faster, not longer).</summary>
    public TimeSpan RollupDayRetention { get; set; } = TimeSpan.FromDays(730);

    /// <summary>
    /// How far back flows may still arrive late (spool replay after a database outage) and be counted in the
    /// rollups: every pass compares the flow count of each 1-minute bucket this far back with the count the
    /// bucket was computed from, and re-aggregates the buckets that changed. Flows written later than this
    /// are in the raw table but not in the rollups.
    /// </summary>
    public TimeSpan RollupLateFlowLag { get; set; } = TimeSpan.FromHours(1);

    /// <summary>
    /// A 1-minute bucket is rolled up once it ended this long ago: long enough for the collector's batches
    /// (1 s) and a slow COPY to land, so the late-flow check rarely has anything to do.
    /// </summary>
    public TimeSpan RollupSettleDelay { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>How often the rollup service runs a pass.</summary>
    public TimeSpan RollupInterval { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Throws when a retention setting cannot be applied; called before anything is changed.</summary>
    public void ValidatePolicies()
    {
        foreach (var (name, value) in new[]
        {
            (nameof(RollupMinuteRetention), RollupMinuteRetention),
            (nameof(RollupFiveMinuteRetention), RollupFiveMinuteRetention),
            (nameof(RollupHourRetention), RollupHourRetention),
            (nameof(RollupDayRetention), RollupDayRetention),
            (nameof(RollupInterval), RollupInterval),
        })
        {
            if (value <= TimeSpan.Zero)
            {
                throw new ArgumentOutOfRangeException(name, value, $"{name} must be positive.");
            }
        }
        if (RollupLateFlowLag < TimeSpan.Zero || RollupSettleDelay < TimeSpan.Zero)
        {
            throw new ArgumentOutOfRangeException(nameof(RollupLateFlowLag), "RollupLateFlowLag and RollupSettleDelay must not be negative.");
        }
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
