namespace FlowViz.Storage.Rollups;

/// <summary>
/// One rollup width: its name (the table suffix and the <c>rollup_state</c> key) and its bucket width. Buckets are
/// aligned to the Unix epoch, like the query service's series buckets, so a series step that is a multiple of
/// the width adds whole rollup buckets.
/// </summary>
public sealed record RollupResolution(string Name, TimeSpan Width)
{
    public static readonly RollupResolution Minute = new("1m", TimeSpan.FromMinutes(1));
    public static readonly RollupResolution FiveMinutes = new("5m", TimeSpan.FromMinutes(5));
    public static readonly RollupResolution Hour = new("1h", TimeSpan.FromHours(1));

    /// <summary>
    /// Six hours from the epoch (00, 06, 12, 18 UTC; db-migrations/0012): the edges of a long range, where a range starts
    /// or ends inside a day, read at most 3 of these and 5 hours per side instead of up to 23 hours.
    /// </summary>
    public static readonly RollupResolution SixHours = new("6h", TimeSpan.FromHours(6));

    /// <summary>
    /// Days (UTC, db-migrations/0010): a month's top-N reads 30 rows per key instead of 720, since the keys of real
    /// traffic recur hour after hour. Series use it only for steps that are whole days.
    /// </summary>
    public static readonly RollupResolution Day = new("1d", TimeSpan.FromDays(1));

    /// <summary>
    /// Weeks of 7 days from the epoch (so they start on Thursdays, 00:00 UTC; db-migrations/0012): a month's top-N reads
    /// ~3 week rows and a few day rows per key instead of ~30 day rows.
    /// </summary>
    public static readonly RollupResolution Week = new("1w", TimeSpan.FromDays(7));

    /// <summary>Finest first: each is built from the one before it (1 m written with the raw flows).</summary>
    public static IReadOnlyList<RollupResolution> All { get; } = [Minute, FiveMinutes, Hour, SixHours, Day, Week];

    public long WidthSeconds => (long)Width.TotalSeconds;

    /// <summary>The start of the bucket holding <paramref name="time"/>.</summary>
    public DateTimeOffset Floor(DateTimeOffset time) =>
        DateTimeOffset.FromUnixTimeSeconds(FloorDiv(time.ToUnixTimeSeconds(), WidthSeconds) * WidthSeconds);

    /// <summary>The first bucket start at or after <paramref name="time"/>.</summary>
    public DateTimeOffset Ceiling(DateTimeOffset time)
    {
        var floor = Floor(time);
        return floor == time ? floor : floor + Width;
    }

    public bool IsAligned(DateTimeOffset time) => Floor(time) == time;

    private static long FloorDiv(long a, long b) => a >= 0 || a % b == 0 ? a / b : a / b - 1;
}
