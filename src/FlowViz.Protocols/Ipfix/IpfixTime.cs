namespace FlowViz.Protocols.Ipfix;

/// <summary>
/// Converts IPFIX time encodings to UTC without throwing. Anything outside <see cref="Earliest"/> ..
/// <see cref="Latest"/> is treated as not a time (a corrupt or unset field) and reported as false.
/// Arithmetic is in ticks: DateTime.AddMilliseconds goes through a double and range checks, a cost
/// paid per field of every record; whole milliseconds give the same result either way.
/// </summary>
internal static class IpfixTime
{
    /// <summary>No flow exporter predates 1990; earlier values are unset clocks or garbage.</summary>
    public static readonly DateTime Earliest = new(1990, 1, 1, 0, 0, 0, DateTimeKind.Utc);

    /// <summary>Beyond any plausible lifetime of the data; later values are garbage.</summary>
    public static readonly DateTime Latest = new(2100, 1, 1, 0, 0, 0, DateTimeKind.Utc);

    /// <summary>Seconds between the NTP epoch (1900-01-01) and the Unix epoch (RFC 7011 §6.1.9).</summary>
    private const ulong NtpToUnixSeconds = 2_208_988_800;

    private static readonly long MaxMilliseconds = (long)(Latest - DateTime.UnixEpoch).TotalMilliseconds;

    private static readonly long EarliestTicks = Earliest.Ticks;
    private static readonly long LatestTicks = Latest.Ticks;
    private static readonly long UnixEpochTicks = DateTime.UnixEpoch.Ticks;

    public static bool IsPlausible(DateTime time) => IsPlausible(time.Ticks);

    private static bool IsPlausible(long ticks) => ticks >= EarliestTicks && ticks < LatestTicks;

    /// <summary>
    /// <paramref name="time"/> moved by <paramref name="milliseconds"/> when the result is plausible; false
    /// (and <paramref name="time"/> unchanged) otherwise. Never throws, whatever the inputs.
    /// </summary>
    public static bool TryAddMilliseconds(DateTime time, long milliseconds, out DateTime result)
    {
        var ticks = time.Ticks + milliseconds * TimeSpan.TicksPerMillisecond; // |ms| < 2^31 here: no overflow
        var ok = IsPlausible(ticks);
        result = ok ? new DateTime(ticks, DateTimeKind.Utc) : time;
        return ok;
    }

    /// <summary>dateTimeSeconds: seconds since the Unix epoch (RFC 7011 §6.1.7).</summary>
    public static bool TryFromUnixSeconds(ulong seconds, out DateTime time) =>
        TryFromUnixMilliseconds(seconds <= uint.MaxValue ? seconds * 1000 : ulong.MaxValue, out time);

    /// <summary>dateTimeMilliseconds: milliseconds since the Unix epoch (RFC 7011 §6.1.8).</summary>
    public static bool TryFromUnixMilliseconds(ulong milliseconds, out DateTime time)
    {
        var ticks = milliseconds <= (ulong)MaxMilliseconds ? UnixEpochTicks + (long)milliseconds * TimeSpan.TicksPerMillisecond : 0;
        time = new DateTime(ticks, DateTimeKind.Utc);
        return IsPlausible(ticks);
    }

    /// <summary>
    /// dateTimeMicroseconds/Nanoseconds: the NTP timestamp format of RFC 5905 §6, 32 bits of seconds since
    /// 1900 and 32 bits of fraction (RFC 7011 §6.1.9-10). The era is assumed to be 0 (until 2036).
    /// </summary>
    public static bool TryFromNtp(ulong ntp, out DateTime time)
    {
        var seconds = ntp >> 32;
        var fractionTicks = (long)(((ntp & 0xFFFF_FFFF) * (ulong)TimeSpan.TicksPerSecond) >> 32);
        time = seconds >= NtpToUnixSeconds
            ? DateTime.UnixEpoch.AddSeconds(seconds - NtpToUnixSeconds).AddTicks(fractionTicks)
            : default;
        return IsPlausible(time);
    }

    /// <summary>A time <paramref name="microseconds"/> before the export (flowStart/EndDeltaMicroseconds, 158/159).</summary>
    public static bool TryBefore(DateTime exportTime, ulong microseconds, out DateTime time)
    {
        time = exportTime >= Earliest && microseconds <= (ulong)(exportTime - Earliest).Ticks / 10
            ? exportTime.AddTicks(-(long)microseconds * 10)
            : default;
        return IsPlausible(time);
    }
}
