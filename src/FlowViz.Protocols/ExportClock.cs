namespace FlowViz.Protocols;

/// <summary>
/// Converts the router-uptime timestamps of NetFlow v5 (First/Last) and v9 (FIRST_SWITCHED,
/// LAST_SWITCHED) to UTC: a flow time is the export time minus how long before the header's
/// sysUptime it was taken.
/// </summary>
public readonly struct ExportClock
{
    private readonly DateTime _exportTimeUtc;
    private readonly uint _sysUptimeMs;

    /// <param name="exportTimeUtc">The header's unix_secs (and unix_nsecs for v5) as UTC.</param>
    /// <param name="sysUptimeMs">The header's sysUptime: milliseconds since the exporter booted.</param>
    public ExportClock(DateTime exportTimeUtc, uint sysUptimeMs)
    {
        _exportTimeUtc = exportTimeUtc;
        _sysUptimeMs = sysUptimeMs;
    }

    public DateTime ExportTimeUtc => _exportTimeUtc;

    /// <summary>
    /// The UTC time of an uptime-relative timestamp. The difference is taken in 32-bit arithmetic and
    /// read as signed, so a flow that began before sysUptime wrapped (every 49.7 days) still lands just
    /// before the export, and a timestamp slightly after sysUptime (exporters that stamp the header
    /// first) lands just after it. Flows are therefore assumed to lie within ±24.8 days of export.
    /// A result outside 1990..2100 (an export time within 24.8 days of either end) falls back to the
    /// export time, as IPFIX treats implausible times as absent.
    /// </summary>
    public DateTime ToUtc(uint uptimeMs)
    {
        // On an implausible result TryAddMilliseconds leaves the export time: the fallback.
        Ipfix.IpfixTime.TryAddMilliseconds(_exportTimeUtc, -unchecked((int)(_sysUptimeMs - uptimeMs)), out var time);
        return time;
    }

    /// <summary>
    /// A decoder's clock for a v5/v9 header. An export time outside 1990..2100 is an unset or corrupt
    /// exporter clock (fuzzing produced unix_secs 0 → flows in 1970): the receive time stands in for it,
    /// the same rule IPFIX applies (<see cref="Ipfix.IpfixRecordTimes"/>), so garbage never reaches storage.
    /// </summary>
    internal static ExportClock ForHeader(DateTime headerTimeUtc, uint sysUptimeMs, DateTime receivedUtc) =>
        new(Ipfix.IpfixTime.IsPlausible(headerTimeUtc) ? headerTimeUtc : receivedUtc, sysUptimeMs);

    /// <summary>The inverse of <see cref="ToUtc"/>, for encoders: the uptime value that decodes to <paramref name="timeUtc"/>.</summary>
    public uint ToUptime(DateTime timeUtc) =>
        unchecked(_sysUptimeMs + (uint)(long)Math.Round((timeUtc - _exportTimeUtc).TotalMilliseconds));

    public static DateTime FromUnixSeconds(uint seconds, uint nanoseconds = 0) =>
        DateTime.UnixEpoch.AddSeconds(seconds).AddTicks(Math.Min(nanoseconds, 999_999_999u) / 100);
}
